// A web action router on __ow_method / __ow_path with a tiny in-request todo list.
function main(params) {
  const method = (params.__ow_method || 'get').toLowerCase();
  const path = params.__ow_path || '/';
  const todos = params.todos || [];
  const parts = path.split('/').filter(function (p) { return p !== ''; });
  if (parts.length === 0) return { statusCode: 200, body: { routes: ['/todos', '/todos/:id'] } };
  if (parts[0] !== 'todos') return { statusCode: 404, body: { error: 'no route ' + path } };
  if (parts.length === 1) {
    if (method === 'get') return { statusCode: 200, body: { todos: todos, count: todos.length } };
    if (method === 'post') {
      if (!params.title) return { statusCode: 422, body: { error: 'title is required' } };
      const created = { id: todos.length + 1, title: params.title, done: false };
      return { statusCode: 201, headers: { location: '/todos/' + created.id }, body: created };
    }
    return { statusCode: 405, body: { error: 'method ' + method + ' not allowed' } };
  }
  const id = parseInt(parts[1], 10);
  const todo = todos.find(function (t) { return t.id === id; });
  if (!todo) return { statusCode: 404, body: { error: 'todo ' + parts[1] + ' not found' } };
  if (method === 'delete') return { statusCode: 204, body: {} };
  return { statusCode: 200, body: todo };
}
