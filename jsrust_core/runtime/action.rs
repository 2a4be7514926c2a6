//! Action mode: a generated OpenWhisk action serves its activations in process.
//!
//! Why: running the compiled program once per activation costs a process start (~1 ms) per
//! request and loses module state between them, so a generated action could not beat Node's
//! warm runtime.  In action mode the generated `main` runs the module's top level once, then
//! hands `serve` a closure that calls the action's entry on one activation's `value` text and
//! returns the result; `serve` runs the ActionLoop protocol around it (`actionloop.rs`) and
//! answers `JSON.stringify` of the result (`{}` for `undefined`, as our Node launcher does).  Module-level state lives on between activations, as in Node's runtime.
//!
//! A side exit (an input the training never showed) does not end the activation silently:
//! `side_exit` unwinds with its report (see `exit::set_action_mode`), this activation answers
//! `{"error": <report>}` (HTTP 502), and then the process re-executes itself (see
//! `actionloop::restart`), so the next activation finds freshly initialised module state, as in a
//! new container.  Why not keep the warm state: the activation stopped part-way, after changing
//! module state that Node, which would have finished the activation, changes differently; a
//! later activation could then answer differently from Node.  A JS `throw` keeps the state, as
//! in Node (which also keeps what ran before the throw).
use crate::actionloop::actionloop_vars;
use crate::console;
use crate::exit::{set_action_mode, try_catch};
use crate::json;
use crate::value::JsValue;

/// Runs the ActionLoop until stdin closes.  `activate` receives the activation's `value` JSON
/// text as a JS string and returns the action's result.
pub fn serve(activate: &mut dyn FnMut(JsValue) -> JsValue) {
    set_action_mode(true);
    actionloop_vars(|value: &str, vars: &[(String, String)]| {
        // this activation's `__OW_*` variables, into `process.env`
        crate::builtins::refresh_activation_env(vars);
        // `JSON.stringify` may throw too (a cycle): that is the action's error, as in Node.
        let outcome = try_catch(|| match activate(JsValue::str(value)) {
            JsValue::Undefined => JsValue::str("{}"),
            result => json::stringify(&[result]),
        });
        // The activation's console output precedes its answer on fd 3.
        console::flush();
        match outcome {
            Ok(JsValue::Str(text)) => Ok(text.to_string()),
            Ok(_) => Err("The action did not return a dictionary.".to_string()),
            Err(thrown) => Err(format!("An error has occurred: {}", thrown.to_js_string())),
        }
    });
}
