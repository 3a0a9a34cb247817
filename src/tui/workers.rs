//! Work done off the event loop: writing the open incident (and looking whether another
//! program changed its file) and linting it, each on a thread of its own, from a copy made on
//! the loop. Results come back as [`Done`] messages; a
//! [`Waker`] makes a loop waiting for input look at them at once.
//!
//! Saves run one at a time in order. A save asked for while one is being written waits, and a
//! later one replaces it (it holds every change the earlier one did). The lint worker skips to
//! the newest job it has been given.

use std::io;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use super::copy::IncidentCopy;
use crate::app::lint::Linted;
use crate::app::lint_memo::Memo;
use crate::storage::{Identity, Probe, Store};

/// Makes a waiting [`super::EventSource::next`] return early, so results are handled at once.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A save for the save worker.
pub struct SaveJob {
    /// The copy to write (shared with the lint worker and the crash snapshot when they want
    /// the same revision); put together on the save thread.
    pub incident: Arc<IncidentCopy>,
    /// Its revision.
    pub revision: u64,
    /// Whether to announce the result.
    pub announce: bool,
    /// What the file held when this program last read or wrote it: a file that changed
    /// since is not written over.
    pub known: Option<Identity>,
}

/// A finished piece of background work.
pub enum Done {
    /// A save was written, failed, or found another program's change or a deletion first
    /// (see [`crate::effects::save`]).
    Saved(crate::effects::Done),
    /// Lint findings for a request.
    Linted(Linted),
    /// What the open incident's file holds, looked at for [`Workers::probe`].
    Probed(Probed),
}

/// The answer to [`Workers::probe`].
pub struct Probed {
    /// The incident whose file was looked at.
    pub id: String,
    /// What the file was expected to hold (the identity the probe compared with).
    pub known: Identity,
    /// What was found.
    pub probe: Probe,
}

struct LintJob {
    request: u64,
    revision: u64,
    incident: Arc<IncidentCopy>,
}

enum SaveMsg {
    Job(SaveJob),
    /// A copy nobody needs any more: freeing thousands of strings is work too.
    Discard(Arc<IncidentCopy>),
    /// Look whether incident `id`'s file still holds `known` (on the save thread, so it never
    /// runs during this program's own save).
    Probe(String, Identity),
}

/// The save and lint threads, and what is outstanding.
pub struct Workers {
    save_tx: Sender<SaveMsg>,
    lint_tx: Sender<LintJob>,
    done_rx: Receiver<Done>,
    saving: bool,
    probing: bool,
    queued: Option<SaveJob>,
    linting: Option<u64>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Workers {
    /// Starts both threads; `waker` is called after each result is sent.
    ///
    /// # Errors
    /// When a thread cannot be started.
    /// `snapshot` (the signal thread's view) learns each written file's identity at once, so a
    /// save on the way out never mistakes this program's own save for another's change.
    pub fn start(
        store: Store,
        waker: Option<Waker>,
        snapshot: Option<crate::guard::Snapshot>,
    ) -> io::Result<Workers> {
        let (save_tx, save_rx) = mpsc::channel::<SaveMsg>();
        let (lint_tx, lint_rx) = mpsc::channel::<LintJob>();
        let (done_tx, done_rx) = mpsc::channel::<Done>();
        let wake = move || {
            if let Some(w) = &waker {
                w();
            }
        };
        let (done, wake_save) = (done_tx.clone(), wake.clone());
        let saver = std::thread::Builder::new()
            .name("retro-save".into())
            .spawn(move || {
                yield_to_the_loop();
                let mut last = Assembled::default();
                while let Ok(message) = save_rx.recv() {
                    let job = match message {
                        SaveMsg::Job(job) => job,
                        SaveMsg::Discard(copy) => {
                            drop(copy);
                            continue;
                        }
                        SaveMsg::Probe(id, known) => {
                            let probe = store.probe(&id, &known);
                            if done
                                .send(Done::Probed(Probed { id, known, probe }))
                                .is_err()
                            {
                                break;
                            }
                            wake_save();
                            continue;
                        }
                    };
                    let writes = snapshot.as_ref().map(crate::guard::Snapshot::hold_writes);
                    let written = write(&store, &mut last, job);
                    if let (Some(snapshot), Done::Saved(file)) = (&snapshot, &written)
                        && let Some(known) = &file.known
                    {
                        snapshot.set_known(Some(known));
                    }
                    drop(writes);
                    if done.send(written).is_err() {
                        break;
                    }
                    wake_save();
                }
            })?;
        let linter = std::thread::Builder::new()
            .name("retro-lint".into())
            .spawn(move || {
                yield_to_the_loop();
                let mut memo = Memo::default();
                let mut memo_of = String::new();
                let mut last = Assembled::default();
                while let Ok(mut job) = lint_rx.recv() {
                    while let Ok(newer) = lint_rx.try_recv() {
                        job = newer;
                    }
                    if job.incident.id() != memo_of {
                        memo = Memo::default();
                        memo_of = job.incident.id().to_string();
                    }
                    let incident = last.assemble(&job.incident);
                    let findings = memo.lint(incident);
                    let linted = Linted {
                        id: incident.id.clone(),
                        request: job.request,
                        revision: job.revision,
                        findings,
                    };
                    if done_tx.send(Done::Linted(linted)).is_err() {
                        break;
                    }
                    wake();
                }
            })?;
        Ok(Workers {
            save_tx,
            lint_tx,
            done_rx,
            saving: false,
            probing: false,
            queued: None,
            linting: None,
            threads: vec![saver, linter],
        })
    }

    /// Writes `job` now, or after the save being written (replacing any save waiting).
    pub fn save(&mut self, job: SaveJob) {
        if self.saving {
            let announce = job.announce || self.queued.as_ref().is_some_and(|q| q.announce);
            self.queued = Some(SaveJob { announce, ..job });
            return;
        }
        self.saving = self.save_tx.send(SaveMsg::Job(job)).is_ok();
    }

    /// Lets the save thread free a copy (when this was its last holder).
    pub fn discard(&self, copy: Arc<IncidentCopy>) {
        if let Err(mpsc::SendError(SaveMsg::Discard(copy))) =
            self.save_tx.send(SaveMsg::Discard(copy))
        {
            drop(copy);
        }
    }

    /// Looks on the save thread whether incident `id`'s file still holds `known`; the answer
    /// comes back as [`Done::Probed`]. Does nothing while a save or another probe is
    /// outstanding (a save finds another program's change itself).
    pub fn probe(&mut self, id: &str, known: &Identity) {
        if self.saving() || self.probing {
            return;
        }
        self.probing = self
            .save_tx
            .send(SaveMsg::Probe(id.to_string(), known.clone()))
            .is_ok();
    }

    /// Lints a copy of the incident for request `request` of its lint cache.
    pub fn lint(&mut self, request: u64, revision: u64, incident: Arc<IncidentCopy>) {
        let job = LintJob {
            request,
            revision,
            incident,
        };
        if self.lint_tx.send(job).is_ok() {
            self.linting = Some(request);
        }
    }

    /// False once a worker thread has stopped (it panicked): its work would never come back.
    pub fn alive(&self) -> bool {
        self.threads.iter().all(|t| !t.is_finished())
    }

    /// True while a save is being written or waits.
    pub fn saving(&self) -> bool {
        self.saving || self.queued.is_some()
    }

    /// True while a save, a probe or a lint is outstanding.
    pub fn busy(&self) -> bool {
        self.saving() || self.probing || self.linting.is_some()
    }

    /// The next result, without waiting.
    pub fn try_done(&mut self) -> Option<Done> {
        let done = self.done_rx.try_recv().ok()?;
        self.account(&done);
        Some(done)
    }

    /// The next result, waiting for it (at most ten seconds); `None` when nothing is
    /// outstanding.
    pub fn wait_done(&mut self) -> Option<Done> {
        if !self.busy() {
            return None;
        }
        let done = self
            .done_rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .ok()?;
        self.account(&done);
        Some(done)
    }

    /// Sends the save that waited, now that the one before it is done; `known` is what the
    /// file holds after that save.
    pub fn send_queued(&mut self, known: Option<Identity>) {
        if !self.saving
            && let Some(job) = self.queued.take()
        {
            self.save(SaveJob { known, ..job });
        }
    }

    /// Forgets the save that waited (another program's change came first; the user decides).
    pub fn drop_queued(&mut self) {
        self.queued = None;
    }

    fn account(&mut self, done: &Done) {
        match done {
            Done::Saved(_) => self.saving = false,
            Done::Probed(_) => self.probing = false,
            Done::Linted(l) => {
                if self.linting.is_some_and(|r| r <= l.request) {
                    self.linting = None;
                }
            }
        }
    }
}

/// Lowers the calling thread's scheduling priority (nice 10), so that on a busy machine the
/// event loop gets the processor before background work does. Only on Linux, where the nice
/// value belongs to a thread; elsewhere it would slow the whole process.
fn yield_to_the_loop() {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 10);
    }
}

/// A worker's last copy and the incident it put together from it: the next copy is put
/// together from them, cloning only the entries that changed.
#[derive(Default)]
struct Assembled {
    last: Option<(Arc<IncidentCopy>, crate::model::Incident)>,
}

impl Assembled {
    /// The whole incident of `copy`.
    fn assemble(&mut self, copy: &Arc<IncidentCopy>) -> &crate::model::Incident {
        let incident = match self.last.take() {
            Some((was, made)) => copy.assemble_from(&was, made),
            None => copy.assemble(),
        };
        &self.last.insert((Arc::clone(copy), incident)).1
    }
}

/// The save worker's job: never write over another program's change.
fn write(store: &Store, last: &mut Assembled, job: SaveJob) -> Done {
    let incident = last.assemble(&job.incident);
    Done::Saved(crate::effects::save(
        store,
        job.known.as_ref(),
        incident,
        job.revision,
        job.announce,
    ))
}
