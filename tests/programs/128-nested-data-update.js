// Immutable-style updates of nested data with spread.
const state = { user: { name: "ann", prefs: { theme: "dark", lang: "en" } }, items: [1, 2, 3] };
const next = { ...state, user: { ...state.user, prefs: { ...state.user.prefs, theme: "light" } }, items: [...state.items, 4] };
console.log(state.user.prefs.theme, next.user.prefs.theme, state.items.length, next.items.length);
console.log(state.user === next.user, state.user.prefs.lang === next.user.prefs.lang);
console.log(next);
const removed = (({ lang, ...rest }) => rest)(next.user.prefs);
console.log(removed);
