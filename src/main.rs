// A faster allocator: large maps make millions of small strings (labels,
// attributes), and the system allocator spends much of the time freeing them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(argmark::cli::run());
}
