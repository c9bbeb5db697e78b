//! Builds the `dateline` wheel with maturin, installs it into a fresh virtual environment and
//! runs the pytest suite (`crates/python/tests/test_*.py`) against it, from a folder outside
//! the source tree, so a broken packaging step fails `cargo test --workspace`.
//!
//! The wheel is built in its own target folder (`target/wheel`): the `cargo test` running this
//! holds the lock of the main one. Skips with a printed notice when `python3` (or `$PYTHON`),
//! its `venv` module, maturin or pytest is missing (`.ci/setup.d/40-python.sh` installs them).

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

fn works(cmd: &mut Command) -> bool {
    cmd.output().map(|o| o.status.success()).unwrap_or(false)
}

fn run(what: &str, cmd: &mut Command) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot start: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("== {what}\n{stdout}");
    if !out.status.success() {
        eprintln!("{stderr}");
        panic!("{what} failed ({})", out.status);
    }
}

#[test]
fn wheel_builds_installs_and_passes_pytest() {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let have = |args: &[&str]| works(Command::new(&python).args(args));
    for (args, what) in [
        (&["-c", "import venv"][..], "the venv module"),
        (&["-m", "maturin", "--version"][..], "maturin"),
        (&["-c", "import pytest"][..], "pytest"),
    ] {
        if !have(args) {
            println!(
                "NOTICE: skipping the Python package tests: {python} with {what} not found \
                 (bash .ci/setup.d/40-python.sh installs it)"
            );
            return;
        }
    }
    let ws = workspace();
    let target = ws.join("target");
    let venv = target.join("python-venv");
    let dist = target.join("wheel").join("dist-test");
    let _ = std::fs::remove_dir_all(&venv);
    let _ = std::fs::remove_dir_all(&dist);

    // A fresh environment; pytest and pandas come from the interpreter's own site-packages
    // (installed by the CI setup step), the package only from the wheel.
    run(
        "python -m venv",
        Command::new(&python).args([
            "-m",
            "venv",
            "--system-site-packages",
            venv.to_str().unwrap(),
        ]),
    );
    let vpy = venv.join("bin").join("python");
    run(
        "maturin build",
        Command::new(&python)
            .args(["-m", "maturin", "build", "--release", "--out"])
            .arg(&dist)
            .arg("--interpreter")
            .arg(&vpy)
            .arg("--manifest-path")
            .arg(ws.join("crates/python/Cargo.toml"))
            .env("CARGO_TARGET_DIR", target.join("wheel"))
            // The wheel is stripped: line tables would only cost build time.
            .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
            .env_remove("CARGO_BUILD_TARGET_DIR"),
    );
    let wheel = std::fs::read_dir(&dist)
        .expect("wheel folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .expect("maturin wrote no wheel");
    let name = wheel.file_name().unwrap().to_string_lossy().to_string();
    assert!(
        name.contains("-cp39-abi3-"),
        "{name}: expected an abi3 wheel for CPython >= 3.9"
    );
    run(
        "pip install",
        Command::new(&vpy)
            .args([
                "-m",
                "pip",
                "install",
                "--no-index",
                "--no-deps",
                "--force-reinstall",
                "--disable-pip-version-check",
                "--quiet",
            ])
            .arg(&wheel),
    );

    // Run from a folder outside the source tree, so `import dateline` can only find the wheel.
    let cwd = venv.join("run");
    std::fs::create_dir_all(&cwd).unwrap();
    let mut pytest = Command::new(&vpy);
    pytest
        .args([
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--import-mode=importlib",
        ])
        .arg(ws.join("crates/python/tests"))
        .current_dir(&cwd)
        .env("DATELINE_REPO", &ws)
        .env_remove("PYTHONPATH");
    // The command line of this build's profile (`cargo test --workspace` builds it), for the
    // test that compares its output with the package's.
    let profile_dir = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent()?.parent().map(Path::to_path_buf));
    if let Some(cli) = profile_dir
        .map(|d| d.join("dateline"))
        .filter(|p| p.is_file())
    {
        pytest.env("DATELINE_CLI", cli);
    }
    run("pytest", &mut pytest);
}
