//! The walk over the syntax tree in document order, and what it does on
//! entering and leaving each node and at each token: one arm per rule and
//! token Argdown listens to, as in its listener table, each handing over
//! to the step that does the work.

use std::sync::Arc;

use super::super::lexer::Kind;
use super::super::model::{RangeKind, Role, Statement, TextRange};
use super::super::parser::{Child, Rule};
use super::{Builder, Built, Open, Parent, new_statement};

impl Builder<'_> {
    pub(super) fn visit(
        &mut self,
        node: usize,
        parent: Option<usize>,
        index: Option<usize>,
    ) -> Built<()> {
        self.enter(node, parent, index)?;
        let count = self.tree.children(node).len();
        for i in 0..count {
            match self.tree.children(node)[i] {
                Child::Token(t) => self.token(t as usize, node, i, count)?,
                Child::Node(n) => self.visit(n as usize, Some(node), Some(i))?,
            }
        }
        self.exit(node, parent, index)?;
        // Data no step read goes with its node.
        self.take_data(node);
        Ok(())
    }

    fn token(&mut self, token: usize, parent: usize, index: usize, siblings: usize) -> Built<()> {
        let kind = self.tokens[token].kind;
        match kind {
            Kind::StatementDefinition | Kind::ArgumentDefinition => self.definition(token),
            Kind::StatementReference | Kind::ArgumentReference => self.reference(token),
            Kind::StatementMention | Kind::ArgumentMention => self.mention(token),
            Kind::Link => self.link(token)?,
            Kind::Tag => self.tag(token),
            Kind::Newline => self.newline(index + 1 == siblings),
            Kind::Data => self.data(token, parent)?,
            Kind::FrontMatter => self.front_matter(token)?,
            _ => {}
        }
        Ok(())
    }

    fn enter(&mut self, node: usize, parent: Option<usize>, index: Option<usize>) -> Built<()> {
        let rule = self.tree.nodes[node].rule;
        match rule {
            Rule::Heading => self.heading = Some(super::Heading::default()),
            Rule::Statement => {
                let top = parent.map(|p| self.tree.nodes[p].rule) == Some(Rule::Argdown);
                let statement_role = if top {
                    Some(Role::TopLevelStatement)
                } else if self.current_relation.is_some() {
                    Some(Role::RelationStatement)
                } else {
                    None
                };
                self.enter_statement(node, new_statement(statement_role, None, None));
            }
            Rule::Argument => {
                let st = new_statement(
                    Some(Role::ArgumentDescription),
                    Some(String::new()),
                    self.current_section,
                );
                self.enter_statement(node, st);
            }
            Rule::Pcs => self.enter_pcs(node, parent, index)?,
            Rule::Inference => self.enter_inference(node),
            r if r.is_relation() => self.enter_relation(node, r),
            Rule::Relations => self.enter_relations(node)?,
            Rule::FreestyleText => self.enter_freestyle(node),
            Rule::Italic | Rule::Bold => self.enter_emphasis(rule == Rule::Bold),
            _ => {}
        }
        Ok(())
    }

    fn enter_statement(&mut self, node: usize, st: Statement) {
        let s = self.m.add_statement(st);
        self.current_statement = Some(s);
        self.current_relation_parent = Some(Parent::Statement(s));
        self.made(node, s);
    }

    fn enter_emphasis(&mut self, bold: bool) {
        let Some(target) = self.target() else {
            return;
        };
        let text_len = self.target_text(target).len();
        let ranges = self.target_ranges(target);
        ranges.push(TextRange {
            kind: if bold {
                RangeKind::Bold
            } else {
                RangeKind::Italic
            },
            start: text_len,
            end: text_len,
            url: None,
            name: None,
        });
        let at = ranges.len() - 1;
        self.ranges.push(Open::In(target, at));
    }

    fn exit(&mut self, node: usize, parent: Option<usize>, index: Option<usize>) -> Built<()> {
        match self.tree.nodes[node].rule {
            Rule::Heading => self.exit_heading(node),
            Rule::Statement => self.exit_statement(node),
            Rule::Argument => self.exit_argument(node),
            Rule::Pcs => self.exit_pcs(node)?,
            Rule::PcsStatement => self.exit_pcs_statement(node, parent, index)?,
            Rule::Inference => {
                if let Some(i) = self.current_inference {
                    self.m.infs[i].data = self.take_data(node).map(Arc::unwrap_or_clone);
                }
            }
            Rule::InferenceRules => self.exit_inference_rules(node),
            r if r.is_relation() => self.exit_relation(node)?,
            Rule::Relations => {
                self.current_relation = None;
                self.relation_parents.pop();
            }
            Rule::Italic | Rule::Bold => self.exit_emphasis(node),
            _ => {}
        }
        Ok(())
    }

    fn exit_emphasis(&mut self, node: usize) {
        let Some(target) = self.target() else {
            return;
        };
        let len = self.target_text(target).len();
        if let Some(open) = self.ranges.pop()
            && let Open::In(t, at) = open
            && let Some(range) = self.target_ranges(t).get_mut(at)
        {
            range.end = len;
        }
        let end_token = self.tree.children(node).last().and_then(|c| c.token());
        if end_token.is_some_and(|t| self.image(t).ends_with(' ')) {
            self.target_text(target).push(' ');
        }
    }
}
