//! From AIF's graph to an argmark map in outline: roles, ids, reasons,
//! relations, and the dialogue nodes kept as notes.

use rustc_hash::FxHashSet;

use super::ImportError;
use super::aif::{Aif, NodeType};
use super::names::{Names, id_part};
use crate::aif::{DEFAULT_CONFLICT, DEFAULT_INFERENCE, MapExtension, NodeExtension};
use crate::syntax::ast::{RelationKind, StatementKind};

/// A map in outline, ready to be written as argmark.
#[derive(Debug, Default)]
pub struct Draft {
    /// Title, meta, sections and sources (from argmark's own export only).
    pub map: MapExtension,
    /// Statements, in the order of their I-nodes.
    pub statements: Vec<DraftStatement>,
    /// Reasons, in the order of their RA-nodes.
    pub reasons: Vec<DraftReason>,
    /// Attacks, undercuts and contradictions, in the order of their CA-nodes.
    pub relations: Vec<(String, RelationKind, String)>,
    /// Dialogue nodes that no statement anchors, as comment lines.
    pub comments: Vec<String>,
    /// AIF node id to argmark id, for I- and RA-nodes.
    pub ids: Vec<(String, String)>,
    /// What the reader should know: what was kept where, what was changed.
    pub warnings: Vec<String>,
}

/// A statement and its attributes.
#[derive(Debug, Default)]
pub struct DraftStatement {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: Option<StatementKind>,
    /// Its text.
    pub text: String,
    /// Its section, by index into the map's sections; notes, tags and the like.
    pub extra: NodeExtension,
}

/// A reason: named (a `reason` block) or implicit (`a supports b`).
#[derive(Debug, Default)]
pub struct DraftReason {
    /// Its id when named.
    pub id: Option<String>,
    /// Its label.
    pub label: Option<String>,
    /// Premise ids.
    pub premises: Vec<String>,
    /// Conclusion id.
    pub conclusion: String,
    /// Section, notes, tags and the like.
    pub extra: NodeExtension,
}

/// The structure of the argument nodes, by node index.
pub(super) struct Structure {
    pub(super) premises: Vec<Vec<usize>>,
    pub(super) conclusions: Vec<Vec<usize>>,
    pub(super) sources: Vec<Vec<usize>>,
    pub(super) targets: Vec<Vec<usize>>,
    /// Every edge, both ways, for anchoring dialogue nodes.
    pub(super) neighbours: Vec<Vec<usize>>,
}

pub(super) fn structure(aif: &Aif) -> Result<Structure, ImportError> {
    let n = aif.nodes.len();
    let mut s = Structure {
        premises: vec![Vec::new(); n],
        conclusions: vec![Vec::new(); n],
        sources: vec![Vec::new(); n],
        targets: vec![Vec::new(); n],
        neighbours: vec![Vec::new(); n],
    };
    for edge in &aif.edges {
        let (from, to) = (&aif.nodes[edge.from], &aif.nodes[edge.to]);
        s.neighbours[edge.from].push(edge.to);
        s.neighbours[edge.to].push(edge.from);
        use NodeType::*;
        let push = |list: &mut Vec<usize>, x: usize| {
            if !list.contains(&x) {
                list.push(x)
            }
        };
        match (&from.node_type, &to.node_type) {
            (Other(_), _) | (_, Other(_)) => {}
            (I, Ra) => push(&mut s.premises[edge.to], edge.from),
            (Ra, I) => push(&mut s.conclusions[edge.from], edge.to),
            (I, Ca) => push(&mut s.sources[edge.to], edge.from),
            (Ca, I | Ra) => push(&mut s.targets[edge.from], edge.to),
            (I, I) => {
                return Err(ImportError::Invalid(format!(
                    "edge {} joins I-node {} to I-node {} directly; AIF relates statements only through RA- or CA-nodes",
                    edge.id, from.id, to.id
                )));
            }
            (a, b) => {
                return Err(ImportError::Invalid(format!(
                    "edge {} joins {}-node {} to {}-node {}, which argmark cannot express: a reason concludes a statement, and a conflict targets a statement or a reason",
                    edge.id,
                    a.as_str(),
                    from.id,
                    b.as_str(),
                    to.id
                )));
            }
        }
    }
    for (index, node) in aif.nodes.iter().enumerate() {
        let fail = |what: String| {
            Err(ImportError::Invalid(format!(
                "{}-node {} {what}",
                node.node_type.as_str(),
                node.id
            )))
        };
        match node.node_type {
            NodeType::Ra if s.conclusions[index].is_empty() => {
                return fail("has no conclusion: an RA-node needs one edge to an I-node".into());
            }
            NodeType::Ra if s.conclusions[index].len() > 1 => {
                let ids: Vec<&str> = s.conclusions[index]
                    .iter()
                    .map(|&c| aif.nodes[c].id.as_str())
                    .collect();
                return fail(format!(
                    "has {} conclusions ({}); an RA-node supports exactly one I-node",
                    ids.len(),
                    ids.join(", ")
                ));
            }
            NodeType::Ra if s.premises[index].is_empty() => {
                return fail("has no premises: no I-node leads into it".into());
            }
            NodeType::Ca if s.sources[index].is_empty() => {
                return fail("has no source: no I-node leads into it".into());
            }
            NodeType::Ca if s.targets[index].len() != 1 => {
                return fail(format!(
                    "has {} targets; a CA-node attacks exactly one I- or RA-node",
                    s.targets[index].len()
                ));
            }
            _ => {}
        }
    }
    Ok(s)
}

/// Interprets a read AIF document.
pub fn draft(aif: &Aif) -> Result<Draft, ImportError> {
    let s = structure(aif)?;
    let nodes = &aif.nodes;
    let mut draft = Draft {
        map: aif.argmark.clone().unwrap_or_default(),
        ..Draft::default()
    };
    let mut invalid = super::extension::sanitise_map(&mut draft.map);
    let is = |index: usize, t: NodeType| nodes[index].node_type == t;
    // A contradiction's mirror CA-node repeats the first one.
    let conflicts: Vec<usize> = (0..nodes.len())
        .filter(|&c| is(c, NodeType::Ca))
        .filter(|&c| {
            !nodes[c]
                .argmark
                .as_ref()
                .is_some_and(|e| e.mirror && e.kind.as_deref() == Some("contradicts"))
        })
        .collect();
    let attackers: FxHashSet<usize> = conflicts
        .iter()
        .flat_map(|&c| s.sources[c].iter().copied())
        .collect();
    let concluded: FxHashSet<usize> = s.conclusions.iter().flatten().copied().collect();
    let premised: FxHashSet<usize> = s.premises.iter().flatten().copied().collect();
    let statements: Vec<usize> = (0..nodes.len()).filter(|&i| is(i, NodeType::I)).collect();
    let tops: Vec<usize> = statements
        .iter()
        .copied()
        .filter(|i| concluded.contains(i) && !premised.contains(i) && !attackers.contains(i))
        .collect();
    let role = |i: usize| {
        if attackers.contains(&i) {
            let answers_one = conflicts.iter().any(|&c| {
                s.sources[c].contains(&i) && s.targets[c].iter().any(|t| attackers.contains(t))
            });
            if answers_one {
                StatementKind::Rebuttal
            } else {
                StatementKind::Counterclaim
            }
        } else if tops == [i] {
            StatementKind::Thesis
        } else if concluded.contains(&i) {
            StatementKind::Claim
        } else if premised.contains(&i) {
            StatementKind::Premise
        } else {
            StatementKind::Claim
        }
    };
    // Ids the file asks for come first, so derived ones step around them.
    let mut names = Names::default();
    for source in &draft.map.sources {
        names.claim(&source.id);
    }
    let mut id_of: Vec<Option<String>> = vec![None; nodes.len()];
    for i in (0..nodes.len())
        .filter(|&i| !matches!(nodes[i].node_type, NodeType::Ca | NodeType::Other(_)))
    {
        let wanted = nodes[i].argmark.as_ref().and_then(|e| e.id.clone());
        let named =
            is(i, NodeType::I) || nodes[i].argmark.as_ref().and_then(|e| e.named) == Some(true);
        if let Some(wanted) = wanted.filter(|_| named)
            && names.claim(&wanted)
        {
            id_of[i] = Some(wanted);
        }
    }
    let mut nuls = 0;
    for &i in &statements {
        let node = &nodes[i];
        let id = id_of[i]
            .get_or_insert_with(|| names.derive(&node.text, "statement"))
            .clone();
        let (kind, extra) = match &node.argmark {
            Some(ext) => (
                ext.kind.as_deref().and_then(StatementKind::from_keyword),
                super::extension::sanitise(ext, &draft.map, &mut invalid),
            ),
            None => (
                None,
                NodeExtension {
                    notes: vec![format!("aif:{}", node.id)],
                    ..NodeExtension::default()
                },
            ),
        };
        nuls += usize::from(node.text.contains('\0'));
        draft.ids.push((node.id.clone(), id.clone()));
        draft.statements.push(DraftStatement {
            id,
            kind: kind.or(Some(role(i))),
            text: node.text.replace('\0', "\u{2400}"),
            extra,
        });
    }
    let undercut: FxHashSet<usize> = conflicts
        .iter()
        .flat_map(|&c| s.targets[c].iter().copied())
        .filter(|&t| is(t, NodeType::Ra))
        .collect();
    let mut implicit_pairs = FxHashSet::default();
    for ra in (0..nodes.len()).filter(|&i| is(i, NodeType::Ra)) {
        let node = &nodes[ra];
        let premises: Vec<String> = s.premises[ra].iter().map(|&p| id(&id_of, p)).collect();
        let conclusion = id(&id_of, s.conclusions[ra][0]);
        let label = match &node.argmark {
            Some(ext) => ext.label.clone(),
            None => node.scheme.clone().or_else(|| {
                Some(node.text.clone())
                    .filter(|t| !matches!(t.trim(), "" | "RA" | DEFAULT_INFERENCE))
            }),
        };
        let wants_implicit = node
            .argmark
            .as_ref()
            .map_or(label.is_none(), |e| e.named == Some(false));
        let implicit = wants_implicit
            && premises.len() == 1
            && !undercut.contains(&ra)
            && implicit_pairs.insert((premises[0].clone(), conclusion.clone()));
        let extra = match &node.argmark {
            Some(ext) => super::extension::sanitise(ext, &draft.map, &mut invalid),
            None if !implicit => NodeExtension {
                notes: vec![format!("aif:{}", node.id)],
                ..NodeExtension::default()
            },
            None => NodeExtension::default(),
        };
        let id = if implicit {
            None
        } else {
            Some(
                id_of[ra]
                    .get_or_insert_with(|| names.derive("", &format!("ra-{}", id_part(&node.id))))
                    .clone(),
            )
        };
        let argmark_id = id
            .clone()
            .unwrap_or_else(|| format!("{}->{conclusion}", premises[0]));
        draft.ids.push((node.id.clone(), argmark_id));
        draft.reasons.push(DraftReason {
            id,
            label,
            premises,
            conclusion,
            extra,
        });
    }
    for &c in &conflicts {
        let target = s.targets[c][0];
        let kind = nodes[c].argmark.as_ref().and_then(|e| e.kind.as_deref());
        let relation = match (is(target, NodeType::Ra), kind) {
            (true, _) => RelationKind::Undercuts,
            (false, Some("contradicts")) => RelationKind::Contradicts,
            (false, _) => RelationKind::Attacks,
        };
        let text = nodes[c]
            .scheme
            .clone()
            .unwrap_or_else(|| nodes[c].text.clone());
        let noted =
            nodes[c].argmark.is_none() && !matches!(text.trim(), "" | "CA" | DEFAULT_CONFLICT);
        for &source in &s.sources[c] {
            let from = id(&id_of, source);
            if noted && let Some(st) = draft.statements.iter_mut().find(|st| st.id == from) {
                st.extra
                    .notes
                    .push(format!("aif:{} CA: {text}", nodes[c].id));
            }
            draft.relations.push((
                from,
                relation,
                id_of[target].clone().expect("targets have ids"),
            ));
        }
    }
    super::dialogue::keep_dialogue(aif, &s, &id_of, &mut draft);
    if nuls > 0 {
        draft.warnings.push(format!(
            "{nuls} texts held NUL characters, which argmark strings cannot; each became ␀"
        ));
    }
    if invalid > 0 {
        draft.warnings.push(format!(
            "ignored {invalid} argmark fields that were not valid (ids, tags, sources or sections)"
        ));
    }
    if aif.locutions > 0 {
        draft.warnings.push(format!("{} locutions (speakers and times of L-nodes) are not imported: argmark has no dialogue layer", aif.locutions));
    }
    Ok(draft)
}

/// The id of a node that has one.
fn id(id_of: &[Option<String>], node: usize) -> String {
    id_of[node]
        .clone()
        .expect("statements and named reasons have ids")
}
