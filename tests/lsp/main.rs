//! `argmark lsp` driven over JSON-RPC, as an editor drives it.

// JSON values are built in place for each call; borrowing them would only
// add `&` at every call.
#![allow(clippy::needless_pass_by_value)]

mod client;
mod edits;
mod memory;

use client::{Client, at, range};
use serde_json::{Value, json};

const URI: &str = "untitled:debate.argmark";

#[test]
fn utf16_is_the_default_and_utf8_is_taken_when_offered() {
    let folder = tempfile::tempdir().unwrap();
    let (client, result) = Client::start_in(folder.path(), json!({}), json!({}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(client.shut_down().code(), Some(0));
    let offered = json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } });
    let (mut client, result) = Client::start_in(folder.path(), offered, json!({}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    // In UTF-8 the emoji is four bytes wide: `t` after it is at byte 24.
    client.open(URI, "thesis t \"T.\"\nclaim c \"😀\" supports t\n");
    client.diagnostics(URI, 1);
    let hover = client.request("textDocument/hover", at(URI, 1, 24));
    assert_eq!(hover["range"], range((1, 24), (1, 25)), "{hover}");
}

#[test]
fn hover_after_emoji_counts_utf16_units() {
    let (mut client, _folder) = Client::start();
    client.open(
        URI,
        "thesis t \"Tax cars.\"\nclaim c \"😀中e\u{301}\" supports t\n",
    );
    client.diagnostics(URI, 1);
    // `claim c "😀中é" supports ` is 9 + 2 + 1 + 2 + 11 = 25 UTF-16 units.
    let hover = client.request("textDocument/hover", at(URI, 1, 25));
    assert_eq!(hover["range"], range((1, 25), (1, 26)), "{hover}");
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("thesis t: Tax cars."), "{text}");
    assert!(text.contains("status: IN"), "{text}");
    assert!(text.contains("declared on line 1"), "{text}");
}

#[test]
fn diagnostics_carry_version_code_link_help_and_related_places() {
    let folder = tempfile::tempdir().unwrap();
    let options = json!({ "checkDocsUrl": "https://example.org/checks/" });
    let (mut client, _) = Client::start_in(folder.path(), json!({}), options);
    client.open(
        URI,
        "thesis t \"T.\"\nclaim a \"A.\" supports t\nclaim a \"B.\"\n",
    );
    let found = client.diagnostics(URI, 1);
    let [duplicate] = &found[..] else {
        panic!("one finding: {found:?}")
    };
    assert_eq!(duplicate["code"], "duplicate-id");
    assert_eq!(duplicate["severity"], 1);
    assert_eq!(
        duplicate["codeDescription"]["href"],
        "https://example.org/checks/duplicate-id.md"
    );
    assert_eq!(duplicate["range"], range((2, 6), (2, 7)));
    let message = duplicate["message"].as_str().unwrap();
    assert!(
        message.starts_with("'a' is declared twice\nhelp: give one"),
        "{message}"
    );
    let related = &duplicate["relatedInformation"][0];
    assert_eq!(related["message"], "first declared here");
    assert_eq!(related["location"]["range"], range((1, 6), (1, 7)));
    assert_eq!(related["location"]["uri"], URI);
}

#[test]
fn a_broken_edit_mid_word_is_reported_and_its_repair_clears_it() {
    let (mut client, _folder) = Client::start();
    client.open(URI, "thesis t \"T.\"\npremise p \"P.\" supports t\n");
    let found = client.diagnostics(URI, 1);
    assert_eq!(found[0]["code"], "unsupported-premise", "{found:?}");
    // `premise` becomes `pre"mise`: a string opens mid-word.
    client.change(URI, 2, range((1, 3), (1, 3)), "\"");
    let broken = client.diagnostics(URI, 2);
    assert!(!broken.is_empty());
    assert!(
        broken.iter().all(|d| d["code"] == "syntax-error"),
        "{broken:?}"
    );
    client.change(URI, 3, range((1, 3), (1, 4)), "");
    let repaired = client.diagnostics(URI, 3);
    assert_eq!(repaired, found);
}

#[test]
fn malformed_messages_get_json_rpc_errors_and_the_server_goes_on() {
    let (mut client, _folder) = Client::start();
    client.send_raw(b"{ not json");
    let parse_error = client.wait_for(|m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    // JSON, but no request, response or notification.
    client.send_raw(b"[1, 2]");
    let invalid = client.wait_for(|m| m["error"]["code"] == -32600);
    assert_eq!(invalid["id"], Value::Null);
    let unknown = client.request_full("argmark/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let bad_params = client.request_full("textDocument/hover", json!({ "position": 3 }));
    assert_eq!(bad_params["error"]["code"], -32602);
    assert_eq!(client.shut_down().code(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_with_status_one() {
    let (mut client, _folder) = Client::start();
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(1));
}

#[test]
fn definition_references_and_highlight_find_every_place() {
    let (mut client, _folder) = Client::start();
    client.open(
        URI,
        "thesis t \"T.\"\nclaim c \"C.\" supports t\nreason r supports t {\n  c\n}\n",
    );
    client.diagnostics(URI, 1);
    let definition = client.request("textDocument/definition", at(URI, 3, 2));
    assert_eq!(definition[0]["range"], range((1, 6), (1, 7)));
    let mut params = at(URI, 0, 7);
    params["context"] = json!({ "includeDeclaration": false });
    let references = client.request("textDocument/references", params);
    let ranges: Vec<&Value> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|l| &l["range"])
        .collect();
    assert_eq!(ranges, [&range((1, 22), (1, 23)), &range((2, 18), (2, 19))]);
    let highlights = client.request("textDocument/documentHighlight", at(URI, 1, 6));
    let kinds: Vec<&Value> = highlights
        .as_array()
        .unwrap()
        .iter()
        .map(|h| &h["kind"])
        .collect();
    assert_eq!(kinds, [&json!(3), &json!(2)]);
}

#[test]
fn symbols_are_a_tree_of_sections_reasons_and_statements() {
    let (mut client, _folder) = Client::start();
    let uri2 = "untitled:other.argmark";
    client.open(
        URI,
        "section \"Main\" {\n  thesis t \"T.\"\n  reason r supports t {\n    premise p \"P.\"\n  }\n}\n",
    );
    client.open(uri2, "claim tax \"Tax.\"\n");
    client.diagnostics(URI, 1);
    client.diagnostics(uri2, 1);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(symbols[0]["name"], "Main");
    let children = &symbols[0]["children"];
    assert_eq!(children[0]["name"], "t");
    assert_eq!(children[0]["detail"], "thesis T.");
    assert_eq!(children[1]["name"], "r");
    assert_eq!(children[1]["children"][0]["name"], "p");
    let found = client.request("workspace/symbol", json!({ "query": "TA" }));
    let names: Vec<&Value> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["name"])
        .collect();
    assert_eq!(names, [&json!("tax")]);
}

#[test]
fn formatting_rewrites_the_text_and_refuses_syntax_errors() {
    let (mut client, _folder) = Client::start();
    client.open(URI, "thesis   t  \"T.\"");
    client.diagnostics(URI, 1);
    let params = json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } });
    let edits = client.request("textDocument/formatting", params.clone());
    assert_eq!(edits[0]["newText"], "thesis t \"T.\"\n");
    assert_eq!(edits[0]["range"], range((0, 0), (0, 16)));
    client.change(URI, 2, range((0, 0), (0, 0)), "claim");
    client.diagnostics(URI, 2);
    let refused = client.request_full("textDocument/formatting", params);
    let message = refused["error"]["message"].as_str().unwrap();
    assert!(message.contains("syntax error"), "{refused}");
}

#[test]
fn settings_come_from_argmark_toml_and_reload_when_it_changes() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join("argmark.toml");
    std::fs::write(&config, "[check]\nallow = [\"unsupported-premise\"]\n").unwrap();
    let map = folder.path().join("map.argmark");
    let uri = format!("file://{}", map.display());
    let (mut client, _) = Client::start_in(folder.path(), json!({}), json!({}));
    client.open(&uri, "thesis t \"T.\"\npremise p \"P.\" supports t\n");
    assert_eq!(client.diagnostics(&uri, 1), Vec::<Value>::new());
    std::fs::write(&config, "[check]\ndeny = [\"unsupported-premise\"]\n").unwrap();
    let changed =
        json!({ "changes": [{ "uri": format!("file://{}", config.display()), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", changed);
    let found = client.diagnostics(&uri, 1);
    assert_eq!(found[0]["code"], "unsupported-premise");
    assert_eq!(found[0]["severity"], 1);
    std::fs::write(&config, "allow = [\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [] }));
    let broken = client.diagnostics(&uri, 1);
    assert_eq!(broken[0]["code"], "config-error", "{broken:?}");
    let message = broken[0]["message"].as_str().unwrap();
    assert!(message.contains("argmark.toml:1:"), "{message}");
}

#[test]
fn rename_changes_every_place_and_refuses_bad_or_taken_names() {
    let (mut client, _folder) = Client::start();
    client.open(
        URI,
        "thesis t \"T.\"\nclaim c \"C.\" supports t\nc attacks t\n",
    );
    client.diagnostics(URI, 1);
    let prepared = client.request("textDocument/prepareRename", at(URI, 2, 0));
    assert_eq!(prepared["placeholder"], "c");
    assert_eq!(prepared["range"], range((2, 0), (2, 1)));
    let mut params = at(URI, 1, 6);
    params["newName"] = json!("cars");
    let edit = client.request("textDocument/rename", params.clone());
    let edits = edit["changes"][URI].as_array().unwrap();
    let ranges: Vec<&Value> = edits.iter().map(|e| &e["range"]).collect();
    assert_eq!(ranges, [&range((1, 6), (1, 7)), &range((2, 0), (2, 1))]);
    assert!(edits.iter().all(|e| e["newText"] == "cars"));
    for (refused, why) in [
        ("t", "already declared"),
        ("9lives", "not a valid id"),
        ("claim", "not a valid id"),
    ] {
        params["newName"] = json!(refused);
        let answer = client.request_full("textDocument/rename", params.clone());
        let message = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(why), "{refused}: {answer}");
    }
}

#[test]
fn completion_offers_kinds_ids_sources_codes_and_tags_where_they_fit() {
    let (mut client, _folder) = Client::start();
    let text =
        "source s \"Stats, 2024.\"\nthesis t \"Tax cars.\" #key\nevidence e \"E.\" cites s\n";
    client.open(URI, text);
    client.diagnostics(URI, 1);
    let labels = |client: &mut Client, line: &str| -> Vec<Value> {
        client.change(URI, 2, range((3, 0), (4, 0)), &format!("{line}\n"));
        client.diagnostics(URI, 2);
        let column = u32::try_from(line.encode_utf16().count()).unwrap();
        let found = client.request("textDocument/completion", at(URI, 3, column));
        assert_eq!(found["isIncomplete"], false);
        found["items"].as_array().unwrap().clone()
    };
    let start = labels(&mut client, "");
    for keyword in [
        "thesis", "claim", "rebuttal", "reason", "section", "source", "title", "meta",
    ] {
        assert!(
            start.iter().any(|i| i["label"] == keyword),
            "{keyword}: {start:?}"
        );
    }
    let targets = labels(&mut client, "claim c \"C.\" supports ");
    let t = targets
        .iter()
        .find(|i| i["label"] == "t")
        .expect("t offered");
    assert_eq!(t["detail"], "thesis Tax cars.");
    assert!(
        targets.iter().all(|i| i["label"] != "s"),
        "a source is no target"
    );
    let sources = labels(&mut client, "evidence f \"F.\" cites ");
    assert_eq!(
        sources.iter().map(|i| &i["label"]).collect::<Vec<_>>(),
        [&json!("s")]
    );
    let codes = labels(&mut client, "claim c \"C.\" allow(");
    assert!(codes.iter().any(|i| i["label"] == "unsupported-claim"));
    let tags = labels(&mut client, "claim c \"C.\" #");
    assert_eq!(
        tags.iter().map(|i| &i["label"]).collect::<Vec<_>>(),
        [&json!("key")]
    );
    let typed = labels(&mut client, "claim c \"C.\" attacks T");
    assert_eq!(
        typed.iter().map(|i| &i["label"]).collect::<Vec<_>>(),
        [&json!("t")]
    );
    let attributes = labels(&mut client, "claim c \"C.\" ");
    assert!(attributes.iter().any(|i| i["label"] == "supports"));
    assert!(attributes.iter().any(|i| i["label"] == "cites"));
}

/// The titles and new texts of the code actions for a range.
fn actions(client: &mut Client, range: Value) -> Vec<(String, String)> {
    let params = json!({ "textDocument": { "uri": URI }, "range": range,
                         "context": { "diagnostics": [] } });
    let found = client.request("textDocument/codeAction", params);
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let edit = &a["edit"]["changes"][URI][0];
            (
                a["title"].as_str().unwrap().to_string(),
                edit["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn code_actions_fix_misspellings_declare_allow_and_close() {
    let (mut client, _folder) = Client::start();
    client.open(URI, "thesis t \"T.\"\ncliam c \"C.\" supports t\n");
    client.diagnostics(URI, 1);
    let fixes = actions(&mut client, range((1, 0), (1, 5)));
    assert_eq!(
        fixes,
        [(
            "Replace 'cliam' with 'claim'".to_string(),
            "claim".to_string()
        )]
    );
    client.change(URI, 2, range((1, 0), (1, 5)), "claim");
    client.diagnostics(URI, 2);
    client.change(URI, 3, range((1, 22), (1, 23)), "tax");
    client.diagnostics(URI, 3);
    let fixes = actions(&mut client, range((1, 22), (1, 25)));
    assert_eq!(
        fixes,
        [(
            "Declare: premise tax \"...\"".to_string(),
            "premise tax \"...\"\n".to_string()
        )]
    );
    client.change(URI, 4, range((1, 22), (1, 25)), "t");
    let found = client.diagnostics(URI, 4);
    assert_eq!(found[0]["code"], "unsupported-claim", "{found:?}");
    let fixes = actions(&mut client, found[0]["range"].clone());
    assert_eq!(
        fixes,
        [(
            "Allow unsupported-claim on 'c'".to_string(),
            " allow(unsupported-claim)".to_string()
        )]
    );
    client.change(
        URI,
        5,
        range((2, 0), (2, 0)),
        "reason r supports t {\n  premise p \"P.",
    );
    client.diagnostics(URI, 5);
    let fixes = actions(&mut client, range((0, 0), (4, 0)));
    let titles: Vec<&str> = fixes.iter().map(|(t, _)| t.as_str()).collect();
    assert!(titles.contains(&"Close the string"), "{fixes:?}");
}

/// The semantic tokens of a document as `line:start+length type`.
fn semantic_tokens(client: &mut Client, doc: Value) -> Vec<String> {
    let tokens = client.request("textDocument/semanticTokens/full", doc);
    let legend = [
        "type",
        "keyword",
        "operator",
        "variable",
        "function",
        "namespace",
        "decorator",
        "enumMember",
        "string",
        "comment",
    ];
    let data: Vec<u64> = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    let (mut line, mut start) = (0, 0);
    let mut shown = Vec::new();
    for chunk in data.chunks(5) {
        if chunk[0] > 0 {
            start = 0;
        }
        line += chunk[0];
        start += chunk[1];
        shown.push(format!(
            "{line}:{start}+{} {}",
            chunk[2],
            legend[usize::try_from(chunk[3]).unwrap()]
        ));
    }
    shown
}

#[test]
fn folding_hints_and_semantic_tokens() {
    let (mut client, _folder) = Client::start();
    let text =
        "// one\n// two\nsection \"S\" {\n  thesis t \"😀 T.\"\n  claim c \"C.\" attacks t\n}\n";
    client.open(URI, text);
    client.diagnostics(URI, 1);
    let doc = json!({ "textDocument": { "uri": URI } });
    let folds = client.request("textDocument/foldingRange", doc.clone());
    let spans: Vec<(u64, u64, &str)> = folds
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["startLine"].as_u64().unwrap(),
                f["endLine"].as_u64().unwrap(),
                f["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(spans, [(0, 1, "comment"), (2, 5, "region")]);
    let mut params = doc.clone();
    params["range"] = range((0, 0), (6, 0));
    let hints = client.request("textDocument/inlayHint", params);
    let labels: Vec<(u64, u64, &str)> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["position"]["line"].as_u64().unwrap(),
                h["position"]["character"].as_u64().unwrap(),
                h["label"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(labels, [(3, 10, "OUT"), (4, 9, "IN")]);
    let shown = semantic_tokens(&mut client, doc);
    assert_eq!(
        shown,
        [
            "0:0+6 comment",
            "1:0+6 comment",
            "2:0+7 keyword",
            "2:8+3 string",
            "3:2+6 type",
            "3:9+1 variable",
            "3:11+7 string",
            "4:2+5 type",
            "4:8+1 variable",
            "4:10+4 string",
            "4:15+7 operator",
            "4:23+1 variable",
        ]
    );
}

#[test]
fn hover_names_the_attacker_that_settles_a_status_and_the_findings() {
    let (mut client, _folder) = Client::start();
    let text = "thesis t \"Tax cars.\"\ncounterclaim k \"Drivers pay already.\" attacks t #(road safety)\n";
    client.open(URI, text);
    client.diagnostics(URI, 1);
    let hover = client.request("textDocument/hover", at(URI, 0, 7));
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("status: OUT"), "{shown}");
    assert!(shown.contains("attacked by: k IN"), "{shown}");
    assert!(shown.contains("OUT defeated by `k`"), "{shown}");
    assert!(shown.contains("warning[defeated-thesis]"), "{shown}");
    let attacker = client.request("textDocument/hover", at(URI, 1, 13));
    let shown = attacker["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("#(road safety)"), "{shown}");
    let tag = client.request("textDocument/hover", at(URI, 1, 56));
    assert_eq!(tag["contents"]["value"], "**#road safety**: on 1 statement");
    let tokens = semantic_tokens(&mut client, json!({ "textDocument": { "uri": URI } }));
    assert!(
        tokens.contains(&"1:48+14 decorator".to_string()),
        "{tokens:?}"
    );
}

#[test]
fn a_long_completion_list_is_cut_and_marked_incomplete() {
    use std::fmt::Write as _;
    let (mut client, _folder) = Client::start();
    let mut text = String::from("thesis t \"T.\"\n");
    for n in 0..300 {
        let _ = writeln!(text, "claim c{n} \"C{n}.\" supports t");
    }
    text.push_str("claim last \"L.\" supports ");
    client.open(URI, &text);
    client.diagnostics(URI, 1);
    let found = client.request("textDocument/completion", at(URI, 301, 26));
    assert_eq!(found["isIncomplete"], true);
    assert_eq!(found["items"].as_array().unwrap().len(), 200);
    assert_eq!(found["items"][0]["label"], "t");
}

#[test]
fn code_actions_declare_a_missing_source_first_and_close_an_open_block() {
    let (mut client, _folder) = Client::start();
    client.open(
        URI,
        "thesis t \"T.\"\nevidence e \"E.\" cites src supports t\n",
    );
    client.diagnostics(URI, 1);
    let params = json!({ "textDocument": { "uri": URI }, "range": range((1, 22), (1, 25)),
                         "context": { "diagnostics": [] } });
    let found = client.request("textDocument/codeAction", params);
    assert_eq!(found[0]["title"], "Declare: source src \"...\"");
    let edit = &found[0]["edit"]["changes"][URI][0];
    assert_eq!(edit["range"], range((0, 0), (0, 0)));
    assert_eq!(edit["newText"], "source src \"...\"\n");
    client.change(URI, 2, range((0, 0), (0, 0)), "section \"S\" {\n");
    client.diagnostics(URI, 2);
    let params = json!({ "textDocument": { "uri": URI }, "range": range((0, 12), (0, 13)),
                         "context": { "diagnostics": [] } });
    let found = client.request("textDocument/codeAction", params);
    let close = found
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add the closing '}'");
    let edit = &close.expect("a fix that closes the section")["edit"]["changes"][URI][0];
    assert_eq!(edit["range"], range((3, 0), (3, 0)));
    assert_eq!(edit["newText"], "}\n");
}

#[test]
fn a_request_waiting_for_its_analysis_can_be_cancelled() {
    use std::fmt::Write as _;
    let (mut client, _folder) = Client::start();
    let mut text = String::from("thesis t \"T.\"\n");
    for n in 0..20_000 {
        let _ = writeln!(text, "claim c{n} \"Claim {n}.\" supports t");
    }
    client.open(URI, &text);
    // The hover waits for the analysis of the text just opened; the
    // cancellation, read right after it, answers it.
    let id = 9_001;
    let hover = json!({ "jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": at(URI, 1, 6) });
    client.send_raw(hover.to_string().as_bytes());
    client.notify("$/cancelRequest", json!({ "id": id }));
    let answer = client.wait_for(|m| m["id"] == id);
    assert_eq!(answer["error"]["code"], -32800, "{answer}");
    client.diagnostics(URI, 1);
    assert_eq!(client.shut_down().code(), Some(0));
}
