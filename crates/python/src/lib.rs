//! Python bindings of dateline, built into the `dateline` wheel by maturin
//! (`crates/python/pyproject.toml`).
//!
//! [`core`] is the binding-free part (items to records in parallel chunks, error records naming
//! the item) and is built and tested by `cargo test --workspace`. The PyO3 module `py` exists
//! only with the `python` feature, which maturin turns on, so the workspace builds without
//! PyO3 or a Python interpreter. The Python side (`python/dateline`) adds DataFrame views,
//! readers of the exports and type hints; `tests/pytest.rs` builds the wheel into a fresh
//! virtual environment and runs the pytest suite against it.

pub mod core;

#[cfg(feature = "python")]
mod py;
