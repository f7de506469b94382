//! Reading `AIFdb` JSON (bare, or inside OVA's `"AIF"` wrapper) into a checked
//! list of nodes and edges. Every problem names the offending node or edge.

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::ImportError;
use crate::aif::{MapExtension, NodeExtension};

/// What a node is in AIF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeType {
    /// Information: a statement.
    I,
    /// Rule application: an inference.
    Ra,
    /// Conflict application: an attack.
    Ca,
    /// Anything else: L, YA, TA, MA, PA... (dialogue and other layers).
    Other(String),
}

impl NodeType {
    /// The AIF spelling.
    pub fn as_str(&self) -> &str {
        match self {
            NodeType::I => "I",
            NodeType::Ra => "RA",
            NodeType::Ca => "CA",
            NodeType::Other(other) => other,
        }
    }

    /// Whether argmark's graph has room for it.
    pub fn is_argument(&self) -> bool {
        !matches!(self, NodeType::Other(_))
    }
}

/// An AIF node.
#[derive(Debug, Clone)]
pub struct AifNode {
    /// Its `nodeID`, as text.
    pub id: String,
    /// I, RA, CA, or a type argmark keeps as a note.
    pub node_type: NodeType,
    /// Its text (empty when absent on a node that is not an I-node).
    pub text: String,
    /// The argument scheme of an RA- or CA-node, if named.
    pub scheme: Option<String>,
    /// What argmark's own export left on it.
    pub argmark: Option<NodeExtension>,
}

/// An AIF edge, its ends as indices into [`Aif::nodes`].
#[derive(Debug, Clone)]
pub struct AifEdge {
    /// Its `edgeID`, as text.
    pub id: String,
    /// The node it leaves.
    pub from: usize,
    /// The node it enters.
    pub to: usize,
}

/// A read AIF document.
#[derive(Debug, Clone, Default)]
pub struct Aif {
    /// Nodes in file order.
    pub nodes: Vec<AifNode>,
    /// Edges in file order.
    pub edges: Vec<AifEdge>,
    /// How many locutions the file lists.
    pub locutions: usize,
    /// What argmark's own export left on the document.
    pub argmark: Option<MapExtension>,
}

/// Reads `AIFdb` JSON.
pub fn read(text: &str) -> Result<Aif, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line(),
        column: e.column(),
        message: without_position(&e.to_string()),
    })?;
    let doc = match value.get("AIF") {
        Some(inner @ Value::Object(_)) => inner,
        _ => &value,
    };
    let invalid = |message: String| ImportError::Invalid(message);
    let Some(object) = doc.as_object() else {
        return Err(invalid(
            "the file is not an AIF object: expected {\"nodes\": [...], \"edges\": [...]}".into(),
        ));
    };
    let array = |name: &str| -> Result<&Vec<Value>, ImportError> {
        match object.get(name) {
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(invalid(format!("'{name}' must be an array"))),
            None => Err(invalid(format!(
                "the file has no '{name}' array; is it AIF?"
            ))),
        }
    };
    let mut aif = Aif::default();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    for (position, node) in array("nodes")?.iter().enumerate() {
        let node = read_node(node, position)?;
        if index.insert(node.id.clone(), aif.nodes.len()).is_some() {
            return Err(invalid(format!("node {} is declared twice", node.id)));
        }
        aif.nodes.push(node);
    }
    for (position, edge) in array("edges")?.iter().enumerate() {
        let what = || format!("edge #{} (counting from 1)", position + 1);
        let id = match edge.get("edgeID") {
            Some(id) => scalar(id).ok_or_else(|| {
                invalid(format!("{}: 'edgeID' must be a string or a number", what()))
            })?,
            None => return Err(invalid(format!("{} has no 'edgeID'", what()))),
        };
        let end = |field: &str| -> Result<usize, ImportError> {
            let Some(value) = edge.get(field) else {
                return Err(invalid(format!("edge {id} has no '{field}'")));
            };
            let Some(node) = scalar(value) else {
                return Err(invalid(format!(
                    "edge {id}: '{field}' must be a string or a number"
                )));
            };
            index.get(&node).copied().ok_or_else(|| {
                invalid(format!(
                    "edge {id} goes {} unknown node {node}",
                    if field == "fromID" { "from" } else { "to" }
                ))
            })
        };
        let (from, to) = (end("fromID")?, end("toID")?);
        aif.edges.push(AifEdge { id, from, to });
    }
    aif.locutions = object
        .get("locutions")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    aif.argmark = object
        .get("argmark")
        .and_then(|v| serde_json::from_value(v.clone()).ok());
    Ok(aif)
}

fn read_node(node: &Value, position: usize) -> Result<AifNode, ImportError> {
    let invalid = |message: String| ImportError::Invalid(message);
    let Some(id) = node.get("nodeID") else {
        return Err(invalid(format!(
            "node #{} (counting from 1) has no 'nodeID'",
            position + 1
        )));
    };
    let Some(id) = scalar(id) else {
        return Err(invalid(format!(
            "node #{}: 'nodeID' must be a string or a number",
            position + 1
        )));
    };
    let node_type = match node.get("type").and_then(Value::as_str) {
        Some("I") => NodeType::I,
        Some("RA") => NodeType::Ra,
        Some("CA") => NodeType::Ca,
        Some(other) => NodeType::Other(other.to_string()),
        None => {
            return Err(invalid(format!(
                "node {id} has no 'type' (I, RA, CA, L, YA...)"
            )));
        }
    };
    let text = match node.get("text") {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Null) | None if node_type != NodeType::I => String::new(),
        Some(_) => return Err(invalid(format!("node {id}: 'text' must be a string"))),
        None => return Err(invalid(format!("I-node {id} has no 'text'"))),
    };
    let scheme = node
        .get("scheme")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string);
    let argmark = node
        .get("argmark")
        .and_then(|v| serde_json::from_value(v.clone()).ok());
    Ok(AifNode {
        id,
        node_type,
        text,
        scheme,
        argmark,
    })
}

/// An id written as a string or a number, as text.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `serde_json`'s message without its own " at line L column C" (we give both apart).
fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}
