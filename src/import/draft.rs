//! From AIF's graph to an argmark map in outline: roles, ids, reasons,
//! relations, and the dialogue nodes kept as notes.

use rustc_hash::{FxHashMap, FxHashSet};

use super::ImportError;
use super::aif::{Aif, AifNode, NodeType};
use super::names::{Names, id_part};
use super::structure::{Structure, structure};
use crate::aif::{
    CONTRADICTION, CONTRARINESS, DEFAULT_CONFLICT, DEFAULT_INFERENCE, LineExtension, MapExtension,
    NodeExtension,
};
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
    /// Premise ids (when it has no reconstruction, whose lines say them).
    pub premises: Vec<String>,
    /// What it supports, attacks and undercuts, in order; an implicit
    /// reason supports one statement or reason.
    pub relations: Vec<(RelationKind, String)>,
    /// The lines of its reconstruction, when its braces hold inferences.
    pub lines: Vec<DraftLine>,
    /// Section, notes, tags and the like.
    pub extra: NodeExtension,
}

/// A line of a reconstruction: a statement's id, and for a conclusion the
/// rules and the ids of the lines its inference names with `from`.
#[derive(Debug, Default)]
pub struct DraftLine {
    /// The id of the statement on the line.
    pub statement: String,
    /// For a conclusion: its inference's rules and `from` lines.
    pub inference: Option<(Vec<String>, Vec<String>)>,
}

/// What an RA- or CA-node becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A reason of its own (its first node).
    Reason,
    /// A further node of the reason whose first node is at this index.
    ArmOf(usize),
    /// An earlier inference of a reconstruction, rebuilt from its argument's lines.
    Step,
    /// A relation between statements (a CA-node).
    Relation,
    /// A mirror CA-node, or argmark's own node that is not valid: nothing.
    Nothing,
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
    /// What each RA- and CA-node becomes.
    roles: Vec<Option<Role>>,
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
        let mut invalid = super::extension::sanitise_map(&mut draft.map);
        let roles = roles(aif, &structure, &mut invalid);
        let conflicts = (0..aif.nodes.len())
            .filter(|&c| roles[c] == Some(Role::Relation))
            .collect();
        Ok(Drafting {
            aif,
            structure,
            roles,
            conflicts,
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
            .filter(|&i| is(nodes, i, &NodeType::I) || self.roles[i] == Some(Role::Reason))
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
        let cas: Vec<usize> = (0..nodes.len())
            .filter(|&c| is(nodes, c, &NodeType::Ca) && self.roles[c] != Some(Role::Nothing))
            .collect();
        let roles = Roles::new(&self.structure, &cas, &statements);
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

    /// Each RA-node, and each CA-node that needs one, becomes a reason: an
    /// implicit one (`a supports b`) when nothing it carries needs a
    /// `reason` block. Named reasons get their ids first, since reasons may
    /// point at reasons.
    fn add_reasons(&mut self) {
        let aif = self.aif;
        let nodes = &aif.nodes;
        let reasons: Vec<usize> = (0..nodes.len())
            .filter(|&i| self.roles[i] == Some(Role::Reason))
            .collect();
        let mut implicit_pairs = FxHashSet::default();
        let mut implicit = vec![false; nodes.len()];
        for &ra in &reasons {
            implicit[ra] = self.implicit(ra, &mut implicit_pairs);
            if !implicit[ra] {
                self.reason_id(ra);
            }
        }
        for &ra in &reasons {
            if implicit[ra] {
                let premise = id(&self.id_of, self.structure.premises[ra][0]);
                let conclusion = self.target_id(self.structure.conclusions[ra][0]);
                self.id_of[ra] = Some(format!("{premise}->{conclusion}"));
            }
        }
        for (i, node) in nodes.iter().enumerate() {
            match self.roles[i] {
                Some(Role::Step) => {
                    let step = node.argmark.as_ref().and_then(|e| e.id.clone());
                    self.draft
                        .ids
                        .push((node.id.clone(), step.unwrap_or_default()));
                }
                Some(Role::Reason) => {
                    let reason = self.reason(i, implicit[i]);
                    self.draft.ids.push((node.id.clone(), id(&self.id_of, i)));
                    self.draft.reasons.push(reason);
                }
                _ => {}
            }
        }
    }

    /// Whether a reason's node can be written `a supports b`: one premise,
    /// one conclusion that has an id (a statement or a named reason), no
    /// scheme, nothing pointing at it (unless argmark's own export says it
    /// was written so), and no other implicit reason between the same two.
    fn implicit(&self, ra: usize, pairs: &mut FxHashSet<(usize, usize)>) -> bool {
        let nodes = &self.aif.nodes;
        let s = &self.structure;
        let pointed_at = (0..nodes.len())
            .any(|n| s.targets[n].contains(&ra) || (n != ra && s.conclusions[n].contains(&ra)));
        let wants = match &nodes[ra].argmark {
            Some(ext) => ext.named == Some(false) && !self.has_arms(ra),
            None => scheme(&nodes[ra]).is_none() && !pointed_at,
        };
        let [premise] = s.premises[ra][..] else {
            return false;
        };
        let [conclusion] = s.conclusions[ra][..] else {
            return false;
        };
        let concludes_a_named =
            is(nodes, conclusion, &NodeType::I) || self.roles[conclusion] == Some(Role::Reason);
        wants
            && is(nodes, ra, &NodeType::Ra)
            && concludes_a_named
            && self.implicit_ok(conclusion)
            && pairs.insert((premise, conclusion))
    }

    /// An implicit reason may conclude a statement or a reason that will be named.
    fn implicit_ok(&self, conclusion: usize) -> bool {
        let nodes = &self.aif.nodes;
        is(nodes, conclusion, &NodeType::I)
            || nodes[conclusion]
                .argmark
                .as_ref()
                .is_none_or(|e| e.named != Some(false))
    }

    fn has_arms(&self, reason: usize) -> bool {
        self.roles.contains(&Some(Role::ArmOf(reason)))
    }

    /// The id a relation names for a node: a statement's or a reason's.
    fn target_id(&self, node: usize) -> String {
        let node = match self.roles[node] {
            Some(Role::ArmOf(first)) => first,
            _ => node,
        };
        self.id_of[node].clone().unwrap_or_default()
    }

    /// The reason whose first node is `first`, with all it points at.
    fn reason(&mut self, first: usize, implicit: bool) -> DraftReason {
        let aif = self.aif;
        let nodes = &aif.nodes;
        let node = &nodes[first];
        let arms = std::iter::once(first)
            .chain((0..nodes.len()).filter(|&a| self.roles[a] == Some(Role::ArmOf(first))));
        let relations: Vec<(RelationKind, String)> = arms
            .filter_map(|a| {
                let s = &self.structure;
                let (kind, target) = if nodes[a].node_type == NodeType::Ra {
                    (RelationKind::Supports, *s.conclusions[a].first()?)
                } else {
                    let target = *s.targets[a].first()?;
                    (arm_relation(nodes, a, target), target)
                };
                Some((kind, self.target_id(target)))
            })
            .collect();
        let premise_nodes = if is(nodes, first, &NodeType::Ra) {
            &self.structure.premises[first]
        } else {
            &self.structure.sources[first]
        };
        let premises: Vec<String> = premise_nodes.iter().map(|&p| id(&self.id_of, p)).collect();
        let extra = match &node.argmark {
            Some(ext) => super::extension::sanitise(ext, &self.draft.map, &mut self.invalid),
            None if !implicit => aif_id_note(node),
            None => NodeExtension::default(),
        };
        let mut reason = DraftReason {
            id: (!implicit).then(|| id(&self.id_of, first)),
            label: node.argmark.as_ref().and_then(|e| e.label.clone()),
            premises,
            relations,
            lines: Vec::new(),
            extra,
        };
        if !implicit {
            self.reconstruct(first, &mut reason);
        }
        reason
    }

    /// The lines of a reason's reconstruction: argmark's own, or, for an
    /// RA-node of another tool with a scheme, one inference that names the
    /// scheme as its rule. A scheme of a CA-node (or of an RA-node that
    /// concludes no statement) becomes the reason's label.
    fn reconstruct(&mut self, first: usize, reason: &mut DraftReason) {
        let node = &self.aif.nodes[first];
        let statements: FxHashSet<&str> = self
            .draft
            .statements
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let lines = if let Some(ext) = &node.argmark {
            ext.reconstruction.as_deref().and_then(|lines| {
                let lines = own_lines(lines, &statements);
                self.invalid += usize::from(lines.is_none());
                lines
            })
        } else {
            scheme_lines(node, reason, &statements)
        };
        let Some(lines) = lines else {
            return;
        };
        // The last line is the conclusion the reconstruction draws: not
        // written again as a `supports`.
        if let Some(last) = lines.last()
            && let Some(at) = reason
                .relations
                .iter()
                .position(|(k, to)| *k == RelationKind::Supports && *to == last.statement)
        {
            reason.relations.remove(at);
        }
        reason.premises.clear();
        reason.lines = lines;
    }

    /// The id of a named reason: the one the file asks for, or one from its
    /// AIF id (`ra-ID` for an RA-node, `ca-ID` for a CA-node).
    fn reason_id(&mut self, ra: usize) -> String {
        let node = &self.aif.nodes[ra];
        let prefix = if node.node_type == NodeType::Ca {
            "ca"
        } else {
            "ra"
        };
        self.id_of[ra]
            .get_or_insert_with(|| {
                self.names
                    .derive("", &format!("{prefix}-{}", id_part(&node.id)))
            })
            .clone()
    }

    /// Each CA-node that is a relation becomes one from its source; text
    /// it carries beyond AIF's defaults goes in a note on the source.
    fn add_relations(&mut self) {
        let aif = self.aif;
        let nodes = &aif.nodes;
        for &c in &self.conflicts {
            let target = self.structure.targets[c][0];
            let relation = relation_kind(nodes, c, target);
            let text = scheme(&nodes[c]).unwrap_or_default();
            let noted = nodes[c].argmark.is_none()
                && !matches!(text.as_str(), "" | CONTRADICTION | CONTRARINESS);
            for &source in &self.structure.sources[c] {
                let from = id(&self.id_of, source);
                if noted && let Some(st) = self.draft.statements.iter_mut().find(|st| st.id == from)
                {
                    st.extra
                        .notes
                        .push(format!("aif:{} CA: {text}", nodes[c].id));
                }
                let to = self.target_id(target);
                // Another tool may write a conflict both ways: it is one relation.
                let symmetric =
                    matches!(relation, RelationKind::Contradicts | RelationKind::Contrary);
                let mirrored = symmetric
                    && self
                        .draft
                        .relations
                        .iter()
                        .any(|(f, k, t)| *f == to && *k == relation && *t == from);
                if !mirrored {
                    self.draft.relations.push((from, relation, to));
                }
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

/// What each RA- and CA-node becomes (`None` for I- and other nodes).
/// argmark's own export says it on each node; a CA-node of another tool
/// becomes a reason when it has a scheme, several sources or something
/// pointing at it, and a relation otherwise.
fn roles(aif: &Aif, s: &Structure, invalid: &mut usize) -> Vec<Option<Role>> {
    let nodes = &aif.nodes;
    let first_of: FxHashMap<&str, usize> = (0..nodes.len())
        .filter_map(|i| {
            let ext = nodes[i].argmark.as_ref()?;
            let own = nodes[i].node_type.is_argument()
                && nodes[i].node_type != NodeType::I
                && ext.kind.as_deref() == Some("reason")
                && ext.step.is_none();
            own.then_some((ext.id.as_deref()?, i))
        })
        .collect();
    let pointed_at = |i: usize| {
        (0..nodes.len()).any(|n| s.targets[n].contains(&i) || s.conclusions[n].contains(&i))
    };
    (0..nodes.len())
        .map(|i| {
            let node = &nodes[i];
            if !matches!(node.node_type, NodeType::Ra | NodeType::Ca) {
                return None;
            }
            let ext = node.argmark.as_ref();
            let role = match ext {
                Some(e) if e.step.is_some() => Role::Step,
                Some(e) if e.kind.as_deref() == Some("reason") => Role::Reason,
                Some(e) if e.reason.is_some() => {
                    let first = e.reason.as_deref().and_then(|r| first_of.get(r));
                    first.map_or(Role::Nothing, |&f| Role::ArmOf(f))
                }
                Some(e) if node.node_type == NodeType::Ca && e.mirror => Role::Nothing,
                Some(_) if node.node_type == NodeType::Ca => Role::Relation,
                _ if node.node_type == NodeType::Ra => Role::Reason,
                _ if scheme(node).is_some_and(|t| t != CONTRADICTION && t != CONTRARINESS)
                    || s.sources[i].len() != 1
                    || pointed_at(i) =>
                {
                    Role::Reason
                }
                _ => Role::Relation,
            };
            *invalid += usize::from(role == Role::Nothing && !ext.is_some_and(|e| e.mirror));
            Some(role)
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

/// The scheme of an RA- or CA-node: its `scheme`, else its text unless that
/// is only AIF's default.
fn scheme(node: &AifNode) -> Option<String> {
    node.scheme.clone().or_else(|| {
        let text = node.text.trim();
        (!matches!(
            text,
            "" | "RA" | "CA" | DEFAULT_INFERENCE | DEFAULT_CONFLICT
        ))
        .then(|| node.text.clone())
    })
}

/// What a reason's CA-node does to its target: what argmark's export says,
/// else an undercut of an RA- or CA-node and an attack on a statement.
fn arm_relation(nodes: &[AifNode], arm: usize, target: usize) -> RelationKind {
    let said = nodes[arm]
        .argmark
        .as_ref()
        .and_then(|e| e.relation.as_deref());
    match said {
        Some("undercuts") => RelationKind::Undercuts,
        Some(_) => RelationKind::Attacks,
        None if is(nodes, target, &NodeType::I) => RelationKind::Attacks,
        None => RelationKind::Undercuts,
    }
}

/// For an RA-node of another tool with a scheme and a statement for its
/// conclusion: its premises, and one inference that names the scheme as its
/// rule. Any other scheme becomes the reason's label.
fn scheme_lines(
    node: &AifNode,
    reason: &mut DraftReason,
    statements: &FxHashSet<&str>,
) -> Option<Vec<DraftLine>> {
    let scheme = scheme(node);
    let conclusion = match &reason.relations[..] {
        [(RelationKind::Supports, c)] if statements.contains(c.as_str()) => Some(c),
        _ => None,
    };
    let (Some(rule), Some(conclusion)) = (&scheme, conclusion) else {
        reason.label = scheme;
        return None;
    };
    if node.node_type != NodeType::Ra {
        reason.label = scheme;
        return None;
    }
    let premises = reason.premises.iter().map(|p| DraftLine {
        statement: p.clone(),
        inference: None,
    });
    let drawn = DraftLine {
        statement: conclusion.clone(),
        inference: Some((vec![rule.clone()], Vec::new())),
    };
    Some(premises.chain([drawn]).collect())
}

/// argmark's own reconstruction lines, if every line names a statement and
/// every `from` an earlier line.
fn own_lines(lines: &[LineExtension], statements: &FxHashSet<&str>) -> Option<Vec<DraftLine>> {
    let mut out: Vec<DraftLine> = Vec::with_capacity(lines.len());
    for (n, line) in lines.iter().enumerate() {
        if !statements.contains(line.statement.as_str()) {
            return None;
        }
        let inference = match &line.inference {
            None => None,
            Some(i) => {
                let from = i
                    .from
                    .iter()
                    .map(|&u| (1..=n).contains(&u).then(|| out[u - 1].statement.clone()))
                    .collect::<Option<Vec<String>>>()?;
                Some((i.rules.clone(), from))
            }
        };
        out.push(DraftLine {
            statement: line.statement.clone(),
            inference,
        });
    }
    // A reconstruction ends with a conclusion.
    out.last()?.inference.as_ref()?;
    Some(out)
}

/// The relation a conflict makes: what argmark's export says, else an
/// undercut when it targets a reason, a conflict when its scheme is one of
/// argmark's two, and an attack.
fn relation_kind(nodes: &[AifNode], conflict: usize, target: usize) -> RelationKind {
    let kind = nodes[conflict]
        .argmark
        .as_ref()
        .and_then(|e| e.kind.as_deref());
    let on_statement = is(nodes, target, &NodeType::I);
    match kind {
        Some("contradicts") if on_statement => RelationKind::Contradicts,
        Some("contrary") if on_statement => RelationKind::Contrary,
        Some("attacks") => RelationKind::Attacks,
        Some(_) => RelationKind::Undercuts,
        None if !on_statement => RelationKind::Undercuts,
        None => match scheme(&nodes[conflict]).as_deref() {
            Some(CONTRADICTION) => RelationKind::Contradicts,
            Some(CONTRARINESS) => RelationKind::Contrary,
            _ => RelationKind::Attacks,
        },
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
