//! The built model moved into a [`Document`]: statements leave their arena
//! for their classes and arguments (a pcs line is a copy, as its statement
//! is a class member too), relations get their ends by title.

use super::super::model::{
    Argument, Document, Endpoint, EquivalenceClass, Inference, PcsStatement, Relation, Statement,
};
use super::{Group, Member, Model, new_statement};

impl Model {
    fn endpoint(&self, m: Option<Member>) -> Endpoint {
        match m {
            Some(Member::Ec(i)) => Endpoint::EquivalenceClass {
                title: self.ecs[i].title.clone(),
            },
            Some(Member::Arg(i)) => Endpoint::Argument {
                title: self.args[i].title.clone(),
            },
            Some(Member::Inf(i)) => Endpoint::Inference {
                argument: self.infs[i].argument_title.clone().unwrap_or_default(),
                conclusion_index: self.infs[i].conclusion_index.unwrap_or(0),
            },
            None => Endpoint::EquivalenceClass {
                title: String::new(),
            },
        }
    }

    /// Moves statement `s` out of the arena.
    fn take_statement(&mut self, s: usize) -> Statement {
        std::mem::replace(&mut self.statements[s], new_statement(None, None, None))
    }

    fn take_statements(&mut self, list: &[usize]) -> Vec<Statement> {
        list.iter().map(|&s| self.take_statement(s)).collect()
    }

    fn relations_out(&mut self) -> Vec<Relation> {
        let mut relations = Vec::with_capacity(self.relations.len());
        for i in 0..self.relations.len() {
            let r = self.relations[i];
            let from = self.endpoint(self.rels[r].from);
            let to = self.endpoint(self.rels[r].to);
            relations.push(Relation {
                relation_type: self.rels[r].ty,
                from,
                to,
                // Each kept relation is listed once.
                occurrences: std::mem::take(&mut self.rels[r].occurrences),
            });
        }
        relations
    }

    fn pcs_statement(&mut self, s: usize) -> PcsStatement {
        // Each inference stands above one pcs line: its parts move.
        let inference = self.statement_inference[s].map(|i| {
            let inf = &mut self.infs[i];
            Inference {
                rules: std::mem::take(&mut inf.rules),
                data: inf.data.take(),
                span: inf.span,
            }
        });
        PcsStatement {
            statement: self.statements[s].clone(),
            inference,
        }
    }

    fn argument_out(&mut self, a: Group) -> Argument {
        let pcs = a.pcs.iter().map(|&s| self.pcs_statement(s)).collect();
        Argument {
            title: a.title,
            members: self.take_statements(&a.members),
            pcs,
            tags: a.tags,
            data: a.data,
            section: a.section,
        }
    }

    fn class_out(&mut self, ec: Group) -> EquivalenceClass {
        EquivalenceClass {
            members: self.take_statements(&ec.members),
            title: ec.title,
            tags: ec.tags,
            data: ec.data,
            section: ec.section,
        }
    }

    /// The document of the model; comments, includes, files and the text
    /// are the caller's to fill in.
    pub(crate) fn into_document(mut self) -> Document {
        let relations = self.relations_out();
        let args = std::mem::take(&mut self.args);
        let arguments = args.into_iter().map(|a| self.argument_out(a)).collect();
        let ecs = std::mem::take(&mut self.ecs);
        let statements = ecs.into_iter().map(|ec| self.class_out(ec)).collect();
        Document {
            statements,
            arguments,
            relations,
            sections: self.sections,
            tags: self.tags,
            front_matter: self.front_matter,
            settings: self.settings,
            comments: Vec::new(),
            skipped_includes: Vec::new(),
            unsupported: self.unsupported,
            files: Vec::new(),
            segments: Vec::new(),
            text: String::new(),
        }
    }
}
