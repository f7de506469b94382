//! From AIF's graph to an argmark map in outline: roles, ids, reasons,
//! relations, and the dialogue nodes kept as notes.

use rustc_hash::FxHashSet;

use super::ImportError;
use super::aif::{Aif, AifNode, NodeType};
use super::names::{Names, id_part};
use super::structure::{Structure, structure};
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

/// Interprets a read AIF document.
pub fn draft(aif: &Aif) -> Result<Draft, ImportError> {
    let mut drafting = Drafting::new(aif)?;
    drafting.claim_wanted_ids();
    drafting.add_statements();
    drafting.add_reasons();
    drafting.add_relations();
    Ok(drafting.finish())
}

/// What the steps of [`draft`] share.
struct Drafting<'a> {
    aif: &'a Aif,
    structure: Structure,
    /// The CA-nodes that become relations.
    conflicts: Vec<usize>,
    names: Names,
    /// The argmark id of each node, once it has one.
    id_of: Vec<Option<String>>,
    /// How many argmark fields were dropped as not valid.
    invalid: usize,
    /// How many texts held NUL characters.
    nuls: usize,
    draft: Draft,
}

impl<'a> Drafting<'a> {
    fn new(aif: &'a Aif) -> Result<Self, ImportError> {
        let structure = structure(aif)?;
        let mut draft = Draft {
            map: aif.argmark.clone().unwrap_or_default(),
            ..Draft::default()
        };
        let invalid = super::extension::sanitise_map(&mut draft.map);
        Ok(Drafting {
            aif,
            structure,
            conflicts: conflicts(&aif.nodes),
            names: Names::default(),
            id_of: vec![None; aif.nodes.len()],
            invalid,
            nuls: 0,
            draft,
        })
    }

    /// Ids the file asks for come first, so derived ones step around them.
    fn claim_wanted_ids(&mut self) {
        for source in &self.draft.map.sources {
            self.names.claim(&source.id);
        }
        let aif = self.aif;
        let nodes = &aif.nodes;
        for i in (0..nodes.len())
            .filter(|&i| !matches!(nodes[i].node_type, NodeType::Ca | NodeType::Other(_)))
        {
            let wanted = nodes[i].argmark.as_ref().and_then(|e| e.id.clone());
            let named = is(nodes, i, &NodeType::I)
                || nodes[i].argmark.as_ref().and_then(|e| e.named) == Some(true);
            if let Some(wanted) = wanted.filter(|_| named)
                && self.names.claim(&wanted)
            {
                self.id_of[i] = Some(wanted);
            }
        }
    }

    /// Each I-node becomes a statement; its kind, when the file does not give
    /// one, is the role the graph gives it.
    fn add_statements(&mut self) {
        let aif = self.aif;
        let nodes = &aif.nodes;
        let statements: Vec<usize> = (0..nodes.len())
            .filter(|&i| is(nodes, i, &NodeType::I))
            .collect();
        let roles = Roles::new(&self.structure, &self.conflicts, &statements);
        for &i in &statements {
            let node = &nodes[i];
            let id = self.id_of[i]
                .get_or_insert_with(|| self.names.derive(&node.text, "statement"))
                .clone();
            let (kind, extra) = match &node.argmark {
                Some(ext) => (
                    ext.kind.as_deref().and_then(StatementKind::from_keyword),
                    super::extension::sanitise(ext, &self.draft.map, &mut self.invalid),
                ),
                None => (None, aif_id_note(node)),
            };
            self.nuls += usize::from(node.text.contains('\0'));
            self.draft.ids.push((node.id.clone(), id.clone()));
            self.draft.statements.push(DraftStatement {
                id,
                kind: kind.or(Some(roles.of(i))),
                text: node.text.replace('\0', "\u{2400}"),
                extra,
            });
        }
    }

    /// Each RA-node becomes a reason: an implicit one (`a supports b`) when
    /// nothing it carries needs a `reason` block.
    fn add_reasons(&mut self) {
        let aif = self.aif;
        let nodes = &aif.nodes;
        let undercut: FxHashSet<usize> = self
            .conflicts
            .iter()
            .flat_map(|&c| self.structure.targets[c].iter().copied())
            .filter(|&t| is(nodes, t, &NodeType::Ra))
            .collect();
        let mut implicit_pairs = FxHashSet::default();
        for ra in (0..nodes.len()).filter(|&i| is(nodes, i, &NodeType::Ra)) {
            let node = &nodes[ra];
            let premises: Vec<String> = self.structure.premises[ra]
                .iter()
                .map(|&p| id(&self.id_of, p))
                .collect();
            let conclusion = id(&self.id_of, self.structure.conclusions[ra][0]);
            let label = reason_label(node);
            let wants_implicit = node
                .argmark
                .as_ref()
                .map_or(label.is_none(), |e| e.named == Some(false));
            // Two implicit reasons between the same statements would be one `supports`.
            let implicit = wants_implicit
                && premises.len() == 1
                && !undercut.contains(&ra)
                && implicit_pairs.insert((premises[0].clone(), conclusion.clone()));
            let extra = match &node.argmark {
                Some(ext) => super::extension::sanitise(ext, &self.draft.map, &mut self.invalid),
                None if !implicit => aif_id_note(node),
                None => NodeExtension::default(),
            };
            let id = (!implicit).then(|| self.reason_id(ra));
            let argmark_id = id
                .clone()
                .unwrap_or_else(|| format!("{}->{conclusion}", premises[0]));
            self.draft.ids.push((node.id.clone(), argmark_id));
            self.draft.reasons.push(DraftReason {
                id,
                label,
                premises,
                conclusion,
                extra,
            });
        }
    }

    /// The id of a named reason: the one the file asks for, or one from its AIF id.
    fn reason_id(&mut self, ra: usize) -> String {
        let aif_id = &self.aif.nodes[ra].id;
        self.id_of[ra]
            .get_or_insert_with(|| self.names.derive("", &format!("ra-{}", id_part(aif_id))))
            .clone()
    }

    /// Each CA-node becomes a relation from each of its sources; text it
    /// carries beyond AIF's default goes in a note on the source.
    fn add_relations(&mut self) {
        let aif = self.aif;
        let nodes = &aif.nodes;
        for &c in &self.conflicts {
            let target = self.structure.targets[c][0];
            let relation = relation_kind(nodes, c, target);
            let text = nodes[c]
                .scheme
                .clone()
                .unwrap_or_else(|| nodes[c].text.clone());
            let noted =
                nodes[c].argmark.is_none() && !matches!(text.trim(), "" | "CA" | DEFAULT_CONFLICT);
            for &source in &self.structure.sources[c] {
                let from = id(&self.id_of, source);
                if noted && let Some(st) = self.draft.statements.iter_mut().find(|st| st.id == from)
                {
                    st.extra
                        .notes
                        .push(format!("aif:{} CA: {text}", nodes[c].id));
                }
                self.draft.relations.push((
                    from,
                    relation,
                    self.id_of[target].clone().expect("targets have ids"),
                ));
            }
        }
    }

    /// Keeps the dialogue nodes, and warns of what was changed or left out.
    fn finish(mut self) -> Draft {
        super::dialogue::keep_dialogue(self.aif, &self.structure, &self.id_of, &mut self.draft);
        let warnings = &mut self.draft.warnings;
        if self.nuls > 0 {
            warnings.push(format!(
                "{} texts held NUL characters, which argmark strings cannot; each became ␀",
                self.nuls
            ));
        }
        if self.invalid > 0 {
            warnings.push(format!(
                "ignored {} argmark fields that were not valid (ids, tags, sources or sections)",
                self.invalid
            ));
        }
        if self.aif.locutions > 0 {
            warnings.push(format!("{} locutions (speakers and times of L-nodes) are not imported: argmark has no dialogue layer", self.aif.locutions));
        }
        self.draft
    }
}

/// The CA-nodes that become relations: all but the mirrors, as a
/// contradiction's mirror CA-node repeats the first one.
fn conflicts(nodes: &[AifNode]) -> Vec<usize> {
    (0..nodes.len())
        .filter(|&c| is(nodes, c, &NodeType::Ca))
        .filter(|&c| {
            !nodes[c]
                .argmark
                .as_ref()
                .is_some_and(|e| e.mirror && e.kind.as_deref() == Some("contradicts"))
        })
        .collect()
}

/// The role each statement plays in the graph, which is its kind when the
/// file does not give one.
struct Roles<'a> {
    structure: &'a Structure,
    conflicts: &'a [usize],
    attackers: FxHashSet<usize>,
    concluded: FxHashSet<usize>,
    premised: FxHashSet<usize>,
    /// Statements concluded and nothing else: a thesis if there is only one.
    tops: Vec<usize>,
}

impl<'a> Roles<'a> {
    fn new(structure: &'a Structure, conflicts: &'a [usize], statements: &[usize]) -> Self {
        let attackers: FxHashSet<usize> = conflicts
            .iter()
            .flat_map(|&c| structure.sources[c].iter().copied())
            .collect();
        let concluded: FxHashSet<usize> = structure.conclusions.iter().flatten().copied().collect();
        let premised: FxHashSet<usize> = structure.premises.iter().flatten().copied().collect();
        let tops = statements
            .iter()
            .copied()
            .filter(|i| concluded.contains(i) && !premised.contains(i) && !attackers.contains(i))
            .collect();
        Roles {
            structure,
            conflicts,
            attackers,
            concluded,
            premised,
            tops,
        }
    }

    fn of(&self, i: usize) -> StatementKind {
        if self.attackers.contains(&i) {
            if self.answers_an_attacker(i) {
                StatementKind::Rebuttal
            } else {
                StatementKind::Counterclaim
            }
        } else if self.tops == [i] {
            StatementKind::Thesis
        } else if self.concluded.contains(&i) {
            StatementKind::Claim
        } else if self.premised.contains(&i) {
            StatementKind::Premise
        } else {
            StatementKind::Claim
        }
    }

    fn answers_an_attacker(&self, i: usize) -> bool {
        self.conflicts.iter().any(|&c| {
            self.structure.sources[c].contains(&i)
                && self.structure.targets[c]
                    .iter()
                    .any(|t| self.attackers.contains(t))
        })
    }
}

/// A reason's label: argmark's own, else the AIF scheme, else the node's
/// text unless it is only AIF's default.
fn reason_label(node: &AifNode) -> Option<String> {
    match &node.argmark {
        Some(ext) => ext.label.clone(),
        None => node.scheme.clone().or_else(|| {
            Some(node.text.clone()).filter(|t| !matches!(t.trim(), "" | "RA" | DEFAULT_INFERENCE))
        }),
    }
}

/// The relation a conflict makes: an undercut when it targets a reason.
fn relation_kind(nodes: &[AifNode], conflict: usize, target: usize) -> RelationKind {
    let kind = nodes[conflict]
        .argmark
        .as_ref()
        .and_then(|e| e.kind.as_deref());
    match (is(nodes, target, &NodeType::Ra), kind) {
        (true, _) => RelationKind::Undercuts,
        (false, Some("contradicts")) => RelationKind::Contradicts,
        (false, _) => RelationKind::Attacks,
    }
}

/// A note with the AIF id of a node that argmark's export did not make.
fn aif_id_note(node: &AifNode) -> NodeExtension {
    NodeExtension {
        notes: vec![format!("aif:{}", node.id)],
        ..NodeExtension::default()
    }
}

fn is(nodes: &[AifNode], index: usize, t: &NodeType) -> bool {
    nodes[index].node_type == *t
}

/// The id of a node that has one.
fn id(id_of: &[Option<String>], node: usize) -> String {
    id_of[node]
        .clone()
        .expect("statements and named reasons have ids")
}
