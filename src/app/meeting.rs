//! The meeting clock's rules, pure: time is always passed in, nothing is read or written here.
//!
//! The current agenda item follows the section on screen while a meeting runs: moving to
//! another section closes the running stretch (its seconds go to `spent[previous]`) and starts
//! one on the new section. A short look at another section therefore counts, correctly, as a
//! few seconds spent there.

use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

use crate::model::{DEFAULT_TIMEBOXES, Meeting, Moment, Section};

/// Longest timebox one item can have, in minutes.
pub const MAX_TIMEBOX: u32 = 240;

/// A stretch on one item longer than this, found when an incident is opened, is taken as a
/// meeting nobody ended: it is ended at the incident's last change.
pub const STALE: SignedDuration = SignedDuration::from_hours(3);

/// `at` to the whole second, as the file keeps it (`09:30:12Z`, not nanoseconds).
fn moment(at: Timestamp) -> Moment {
    Moment::utc(Timestamp::from_second(at.as_second()).unwrap_or(at))
}

/// Starts a fresh meeting at `now` on `item`: the clock starts at zero, the timeboxes stay.
pub fn start(meeting: &mut Meeting, item: Section, now: Timestamp) {
    meeting.started_at = Some(moment(now));
    meeting.ended_at = None;
    meeting.spent.clear();
    meeting.current = Some(item);
    meeting.current_since = Some(moment(now));
}

/// Closes the running stretch at `at`, adding its seconds to the current item's time.
fn close_stretch(meeting: &mut Meeting, at: Timestamp) {
    let secs = meeting.running_secs(at);
    if let Some(item) = meeting.current
        && secs > 0
    {
        let spent = meeting.spent.entry(item).or_insert(0);
        *spent = spent.saturating_add(secs);
    }
}

/// Makes `item` the current agenda item at `now`. Returns false (and changes nothing) when
/// the meeting is not running or `item` is already current.
pub fn switch(meeting: &mut Meeting, item: Section, now: Timestamp) -> bool {
    if !meeting.is_running() || meeting.current == Some(item) {
        return false;
    }
    close_stretch(meeting, now);
    meeting.current = Some(item);
    meeting.current_since = Some(moment(now));
    true
}

/// Ends the running meeting at `now`. Returns false when it was not running.
pub fn end(meeting: &mut Meeting, now: Timestamp) -> bool {
    end_at(meeting, now)
}

fn end_at(meeting: &mut Meeting, at: Timestamp) -> bool {
    if !meeting.is_running() {
        return false;
    }
    close_stretch(meeting, at);
    meeting.current = None;
    meeting.current_since = None;
    meeting.ended_at = Some(moment(at));
    true
}

/// Forgets the meeting's clock (a meeting started by mistake), keeping the timeboxes. Returns
/// false when there was no clock to forget.
pub fn discard(meeting: &mut Meeting) -> bool {
    if meeting.started_at.is_none() {
        return false;
    }
    meeting.started_at = None;
    meeting.ended_at = None;
    meeting.current = None;
    meeting.current_since = None;
    meeting.spent.clear();
    true
}

/// Resumes an ended meeting at `now` on `item`; the time between does not count. Returns false
/// when there is nothing to resume (never started, or running).
pub fn resume(meeting: &mut Meeting, item: Section, now: Timestamp) -> bool {
    if meeting.started_at.is_none() || meeting.ended_at.is_none() {
        return false;
    }
    meeting.ended_at = None;
    meeting.current = Some(item);
    meeting.current_since = Some(moment(now));
    true
}

/// Sets the timebox of `item` to `minutes` (at most [`MAX_TIMEBOX`]). A default timebox is
/// not stored, so the file holds only what differs. Returns false when nothing changed.
pub fn set_timebox(meeting: &mut Meeting, item: Section, minutes: u32) -> bool {
    let minutes = minutes.min(MAX_TIMEBOX);
    if meeting.timebox(item) == minutes {
        return false;
    }
    if DEFAULT_TIMEBOXES.get(item.number()) == Some(&minutes) {
        meeting.timeboxes.remove(&item);
    } else {
        meeting.timeboxes.insert(item, minutes);
    }
    true
}

/// Adds `delta` minutes (may be negative) to the timebox of `item`, staying within
/// 0..=[`MAX_TIMEBOX`]. Returns false when nothing changed.
pub fn adjust_timebox(meeting: &mut Meeting, item: Section, delta: i64) -> bool {
    let minutes = (i64::from(meeting.timebox(item)) + delta).clamp(0, i64::from(MAX_TIMEBOX));
    set_timebox(meeting, item, u32::try_from(minutes).unwrap_or(0))
}

/// Ends a meeting left running for longer than [`STALE`] on one item, at the incident's last
/// change (`last_change`, when later than the stretch's start) or else at the stretch's start.
/// Returns when it was ended, or `None` when the meeting is not stale.
pub fn settle_stale(
    meeting: &mut Meeting,
    now: Timestamp,
    last_change: Option<Timestamp>,
) -> Option<Timestamp> {
    let since = meeting.current_since?.timestamp;
    if !meeting.is_running() || now.duration_since(since) <= STALE {
        return None;
    }
    let at = last_change
        .filter(|t| *t > since && *t < now)
        .unwrap_or(since);
    end_at(meeting, at);
    Some(at)
}

/// How long until the shown clock next changes (the next whole second of the running
/// stretch), or `None` when no clock is running.
pub fn until_next_second(meeting: &Meeting, now: Timestamp) -> Option<Duration> {
    if !meeting.is_running() {
        return None;
    }
    let since = meeting.current_since?.timestamp;
    let ms = now.duration_since(since).as_millis().rem_euclid(1000);
    let wait = u64::try_from(1000 - ms).unwrap_or(1000);
    // A few milliseconds late rather than early, so the wake-up finds the new second.
    Some(Duration::from_millis(wait + 5))
}

/// Seconds as a clock: `7:05` under an hour, `1:02:09` from an hour on.
pub fn format_clock(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Timestamp {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn switching_moves_the_running_stretch_into_spent() {
        let mut m = Meeting::default();
        start(&mut m, Section::Overview, t("2026-03-13T09:30:00Z"));
        assert!(switch(&mut m, Section::Timeline, t("2026-03-13T09:34:10Z")));
        assert!(!switch(
            &mut m,
            Section::Timeline,
            t("2026-03-13T09:35:00Z")
        ));
        assert_eq!(m.spent.get(&Section::Overview), Some(&250));
        let now = t("2026-03-13T09:40:10Z");
        assert_eq!(m.item_secs(Section::Timeline, now), 360);
        assert_eq!(m.elapsed_secs(now), 610);
    }

    #[test]
    fn ending_and_resuming_leaves_out_the_time_between() {
        let mut m = Meeting::default();
        start(&mut m, Section::Factors, t("2026-03-13T09:30:00Z"));
        assert!(end(&mut m, t("2026-03-13T09:40:00Z")));
        assert!(!end(&mut m, t("2026-03-13T09:41:00Z")));
        assert_eq!(m.elapsed_secs(t("2026-03-14T09:00:00Z")), 600);
        assert!(resume(&mut m, Section::Actions, t("2026-03-14T09:00:00Z")));
        assert_eq!(m.elapsed_secs(t("2026-03-14T09:01:00Z")), 660);
        assert_eq!(
            m.item_secs(Section::Factors, t("2026-03-14T09:01:00Z")),
            600
        );
    }

    #[test]
    fn timeboxes_store_only_what_differs_from_the_default() {
        let mut m = Meeting::default();
        assert!(adjust_timebox(&mut m, Section::Factors, 5));
        assert_eq!(m.timebox(Section::Factors), 20);
        assert!(adjust_timebox(&mut m, Section::Factors, -5));
        assert!(m.timeboxes.is_empty());
        assert!(adjust_timebox(&mut m, Section::Overview, -100));
        assert_eq!(m.timebox(Section::Overview), 0);
        assert!(!adjust_timebox(&mut m, Section::Overview, -1));
        assert!(set_timebox(&mut m, Section::Narrative, 9999));
        assert_eq!(m.timebox(Section::Narrative), MAX_TIMEBOX);
    }

    #[test]
    fn a_meeting_left_running_is_ended_at_the_last_change() {
        let mut m = Meeting::default();
        start(&mut m, Section::Actions, t("2026-03-13T09:30:00Z"));
        let fresh = settle_stale(&mut m, t("2026-03-13T10:30:00Z"), None);
        assert_eq!(fresh, None);
        let last = t("2026-03-13T09:45:00Z");
        let ended = settle_stale(&mut m, t("2026-03-14T08:00:00Z"), Some(last));
        assert_eq!(ended, Some(last));
        assert_eq!(m.elapsed_secs(t("2026-03-14T08:00:00Z")), 900);
        assert!(!m.is_running());
    }

    #[test]
    fn clocks_and_wake_ups() {
        assert_eq!(format_clock(0), "0:00");
        assert_eq!(format_clock(432), "7:12");
        assert_eq!(format_clock(3729), "1:02:09");
        let mut m = Meeting::default();
        assert_eq!(until_next_second(&m, t("2026-03-13T09:30:00Z")), None);
        start(&mut m, Section::Overview, t("2026-03-13T09:30:00Z"));
        let wait = until_next_second(&m, t("2026-03-13T09:30:02.300Z"));
        assert_eq!(wait, Some(Duration::from_millis(705)));
    }
}
