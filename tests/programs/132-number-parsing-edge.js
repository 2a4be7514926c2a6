// parseInt / parseFloat / Number on tricky inputs.
const inputs = ["0.1e1", "1e", "1e+", "+1", "++1", "0x", "0xG", "  12  ", "\n42\t", "1,000", "1_000", "08", "0.0000001", "-0", "Infinityx", ".e1", "5e-324", "1e309"];
for (const t of inputs) console.log(JSON.stringify(t), parseInt(t), parseFloat(t), Number(t));
console.log(parseInt("123", 0), parseInt("123", 1), parseInt("123", 37), parseInt("11", 2), parseInt("Z", 36));
console.log(parseInt(0.0000005), parseInt(1e21), parseFloat("3.14.15"));
