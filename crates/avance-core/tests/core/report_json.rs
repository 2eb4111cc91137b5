//! Reading the JSON report back in tests, shared by the core's tests and the window's
//! (`tests/integration/main.rs` includes this file).

/// `(code, current, last_reported)` of every indicator of the JSON report, in plan order.
pub fn currency_rows(
    json: &serde_json::Value,
) -> Vec<(String, serde_json::Value, serde_json::Value)> {
    json["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["indicators"].as_array().unwrap().iter())
        .map(|i| {
            (
                i["code"].as_str().unwrap_or("N/A").to_owned(),
                i["current"].clone(),
                i["last_reported"].clone(),
            )
        })
        .collect()
}

/// How many indicators of each objective are not current, in plan order.
pub fn not_current_counts(json: &serde_json::Value) -> Vec<u64> {
    json["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["not_current"].as_u64().unwrap())
        .collect()
}
