//! Read-only SQLite connections shared by the request handlers, with a time limit per query.
//!
//! A semaphore bounds how many queries run at once (one per connection); each runs on tokio's
//! blocking threads. Before each use the connection gets a progress handler that interrupts
//! SQLite once the deadline has passed, so no request holds a connection longer than the limit.

use crate::handlers::ApiError;
use axum::http::StatusCode;
use dateline_store::Store;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

pub struct Pool {
    path: PathBuf,
    idle: Arc<Mutex<Vec<Store>>>,
    permits: Arc<Semaphore>,
    limit: Duration,
}

/// How many times the query limit an aggregate may take.
pub const AGGREGATE_FACTOR: u32 = 5;

/// SQLite virtual-machine steps between two looks at the clock.
const STEPS: i32 = 1000;

impl Pool {
    pub fn new(path: PathBuf, size: usize, query_ms: u64) -> Pool {
        Pool {
            path,
            idle: Arc::new(Mutex::new(Vec::new())),
            permits: Arc::new(Semaphore::new(size)),
            limit: Duration::from_millis(query_ms.max(1)),
        }
    }

    /// Open one read connection now and keep it.
    pub fn check(&self) -> Result<(), String> {
        let s = Store::open_read_only(&self.path).map_err(|e| e.to_string())?;
        self.idle.lock().map_err(|e| e.to_string())?.push(s);
        Ok(())
    }

    /// Run `f` on a read connection within the time limit.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        self.run_within(self.limit, f).await
    }

    /// Run an aggregate over the whole matching set (stats, map points) within
    /// [`AGGREGATE_FACTOR`] times the limit: computed once per filter and store state, then
    /// cached.
    pub async fn run_aggregate<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        self.run_within(self.limit * AGGREGATE_FACTOR, f).await
    }

    async fn run_within<T, F>(&self, limit: Duration, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "shutting down"))?;
        let idle = self.idle.clone();
        let path = self.path.clone();
        tokio::task::spawn_blocking(move || {
            let taken = idle.lock().ok().and_then(|mut v| v.pop());
            let store = match taken {
                Some(s) => s,
                None => Store::open_read_only(&path).map_err(|e| {
                    ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("database: {e}"))
                })?,
            };
            let deadline = Instant::now() + limit;
            store
                .connection()
                .progress_handler(STEPS, Some(move || Instant::now() >= deadline));
            let out = f(&store);
            store
                .connection()
                .progress_handler(STEPS, None::<fn() -> bool>);
            if let Ok(mut v) = idle.lock() {
                v.push(store);
            }
            out.map_err(|e| e.timed_out(limit))
        })
        .await
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("worker: {e}")))?
    }
}
