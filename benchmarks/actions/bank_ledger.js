// A bank-ledger state machine: apply a request's transactions in order, rejecting illegal ones.
function main(params) {
  const accounts = {};
  const rejected = [];
  const txs = params.transactions || [];
  for (let i = 0; i < txs.length; i++) {
    const tx = txs[i];
    const acct = accounts[tx.account];
    switch (tx.type) {
      case 'open':
        if (acct) { rejected.push({ index: i, reason: 'account exists' }); break; }
        accounts[tx.account] = { balance: 0, state: 'open', history: 0 };
        break;
      case 'deposit':
      case 'withdraw': {
        if (!acct || acct.state !== 'open') { rejected.push({ index: i, reason: 'account not open' }); break; }
        if (!(tx.amount > 0)) { rejected.push({ index: i, reason: 'bad amount' }); break; }
        const delta = tx.type === 'deposit' ? tx.amount : -tx.amount;
        if (acct.balance + delta < 0) { rejected.push({ index: i, reason: 'insufficient funds' }); break; }
        acct.balance = Math.round((acct.balance + delta) * 100) / 100;
        acct.history++;
        break;
      }
      case 'freeze':
      case 'close':
        if (!acct) { rejected.push({ index: i, reason: 'no such account' }); break; }
        if (tx.type === 'close' && acct.balance !== 0) { rejected.push({ index: i, reason: 'balance not zero' }); break; }
        acct.state = tx.type === 'freeze' ? 'frozen' : 'closed';
        break;
      default:
        rejected.push({ index: i, reason: 'unknown type ' + tx.type });
    }
  }
  return { accounts: accounts, applied: txs.length - rejected.length, rejected: rejected };
}
