//! `ActionJson` for the runtime's `jsrt::JsValue`: what `actionloop::actionloop` needs to run a
//! generated `js_main(params: JsValue) -> Result<JsValue, JsValue>`.
//!
//! Compiled as a module of the action's crate (next to `actionloop.rs`), where implementing our
//! trait for the runtime's type is legal.  JSON itself is the runtime's `JSON.parse` and
//! `JSON.stringify` (`jsrt::json`), so an action's answer is byte for byte what the same
//! `JSON.stringify` gives inside compiled code; their throws come back through `try_catch`.

use jsrt::JsValue;

use crate::actionloop::ActionJson;

impl ActionJson for JsValue {
    fn from_json(text: &str) -> Result<Self, String> {
        jsrt::try_catch(|| jsrt::json::parse(&[JsValue::str(text)])).map_err(|e| e.to_js_string().to_string())
    }

    fn to_json(&self) -> Result<String, String> {
        match jsrt::try_catch(|| jsrt::json::stringify(&[self.clone()])) {
            Ok(JsValue::Str(s)) => Ok(s.to_string()),
            Ok(_) => Ok(String::new()),
            Err(e) => Err(e.to_js_string().to_string()),
        }
    }

    fn is_undefined(&self) -> bool {
        matches!(self, JsValue::Undefined)
    }

    fn thrown_text(&self) -> String {
        self.to_js_string().to_string()
    }

    fn flush_logs() {
        jsrt::console::flush();
    }
}
