fn main() {
    std::process::exit(argmark::cli::run());
}
