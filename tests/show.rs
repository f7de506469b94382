//! `argmark show` and `argmark render --format text`: arguments in standard
//! form, and statements with their status and relations.

mod common;

use common::argmark;

const MAP: &str = "tests/show/arguments.argmark";

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn a_reconstruction_is_shown_in_standard_form() {
    let output = argmark(&["show", MAP, "rights"], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    let expected = "(1) Censorship restricts what citizens may say.\n\
                    (2) Restricting what citizens may say violates free speech.\n\
                    -- modus barbara --\n\
                    (3) [The violation]: Censorship violates free speech.\n\
                    (4) The state must not violate free speech.\n\
                    ----\n\
                    (5) The state must not censor.\n";
    assert!(text.contains(expected), "{text}");
    assert!(text.starts_with("<rights>: Censorship violates"), "{text}");
    assert!(
        text.contains("supports T \"Censorship is illegitimate.\""),
        "{text}"
    );
    // The final conclusion is numbered, not listed again.
    assert!(!text.contains("supports c2"), "{text}");
}

#[test]
fn a_step_shows_the_argument_it_belongs_to_and_a_statement_its_relations() {
    let step = stdout(&argmark(&["show", MAP, "rights.1"], None));
    assert_eq!(step, stdout(&argmark(&["show", MAP, "rights"], None)));
    let judge = stdout(&argmark(&["show", MAP, "judge"], None));
    assert!(
        judge.starts_with("premise judge: People can judge for themselves.\nstatus: UNDEC\n"),
        "{judge}"
    );
    assert!(judge.contains("contrary: harms UNDEC"), "{judge}");
    assert!(judge.contains("supports: T (through judge->T)"), "{judge}");
    let implicit = stdout(&argmark(&["show", MAP, "judge->T"], None));
    assert!(implicit.contains("(1) People can judge for themselves.\n----\n(2) [Main Thesis]: Censorship is illegitimate.\nstatus: OUT\n"), "{implicit}");
}

#[test]
fn an_unknown_id_is_refused_with_the_closest_one() {
    let output = argmark(&["show", MAP, "rihgts"], None);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(
        error.contains("has no statement or reason 'rihgts'; did you mean 'rights'?"),
        "{error}"
    );
}

#[test]
fn render_text_lists_every_argument_and_a_txt_file_gets_it() {
    let text = stdout(&argmark(&["render", MAP, "--format", "text"], None));
    for header in ["<rights>:", "<incitement>:", "<narrow>:"] {
        assert!(text.contains(header), "{header} in {text}");
    }
    assert!(
        text.contains("(a sketch: no premises yet)\n\nundercuts <incitement>\nstatus: IN\n"),
        "{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("arguments.txt");
    let output = argmark(&["render", MAP, "-o", out.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(std::fs::read_to_string(out).unwrap(), text);
}
