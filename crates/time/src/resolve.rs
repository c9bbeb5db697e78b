//! Resolution: an [`Expr`] plus the reference (publication) date and the tense give a
//! dateline value (ISO 8601 with a precision, maybe a range) and a TimeML value.

use crate::grammar::{Clock, Expr, Rel, Sem};
use crate::lex::Unit;
use crate::tense::Tense;
use dateline_doc::Precision;
use jiff::ToSpan;
use jiff::civil::Date;

/// A resolved value for dateline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    pub value: String,
    pub precision: Precision,
    pub range: Option<(String, String)>,
}

impl Value {
    fn point(value: String, precision: Precision) -> Value {
        Value {
            value,
            precision,
            range: None,
        }
    }
    fn range(from: Date, to: Date) -> Value {
        let (a, b) = (from.to_string(), to.to_string());
        Value {
            value: format!("{a}/{b}"),
            precision: Precision::Day,
            range: Some((a, b)),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    pub value: Option<Value>,
    pub timeml: Option<String>,
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

fn days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}
fn months(d: Date, n: i64) -> Option<Date> {
    d.first_of_month().checked_add(n.months()).ok()
}
fn week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}
/// Easter Sunday of a year (Gregorian computus, the anonymous algorithm).
fn easter_sunday(y: i32) -> Option<Date> {
    let a = y % 19;
    let (b, c) = (y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    Date::new(y as i16, (n / 31) as i8, (n % 31 + 1) as i8).ok()
}
fn wd(d: Date) -> i64 {
    d.weekday().to_monday_one_offset() as i64
}
fn monday(d: Date) -> Option<Date> {
    days(d, 1 - wd(d))
}
fn quarter_of(d: Date) -> i32 {
    (d.month() as i32 - 1) / 3
}
fn month_str(y: i32, m: i32) -> String {
    format!("{y:04}-{m:02}")
}

/// Pick among candidates (sorted ascending) by tense: past (and no tense cue: news narrates
/// what happened) → latest ≤ key, future → earliest ≥ key, present and either → the
/// nearest (ties to the past).
fn choose<T: Copy>(cands: &[(i64, T)], key: i64, tense: Tense) -> Option<T> {
    match tense {
        Tense::Future => cands.iter().find(|c| c.0 >= key).map(|c| c.1),
        Tense::Past | Tense::Unknown => cands.iter().rev().find(|c| c.0 <= key).map(|c| c.1),
        Tense::Present | Tense::Either => cands
            .iter()
            .min_by_key(|c| ((c.0 - key).abs(), c.0 > key))
            .map(|c| c.1),
    }
}

/// As [`choose`], but a candidate within `near` months of the reference keeps it whatever
/// the tense: news names dates close to the day it is written ("moved to Nov. 21").
fn choose_near<T: Copy>(cands: &[(i64, T)], key: i64, tense: Tense, near: i64) -> Option<T> {
    cands
        .iter()
        .find(|c| (c.0 - key).abs() <= near)
        .map(|c| c.1)
        .or_else(|| choose(cands, key, tense))
}

fn day_key(d: Date) -> i64 {
    d.year() as i64 * 400 + d.month() as i64 * 32 + d.day() as i64
}

fn season_of(d: Date) -> (i32, u8) {
    match d.month() {
        3..=5 => (d.year() as i32, 0),
        6..=8 => (d.year() as i32, 1),
        9..=11 => (d.year() as i32, 2),
        12 => (d.year() as i32, 3),
        _ => (d.year() as i32 - 1, 3),
    }
}

fn unit_value(d: Date, u: Unit) -> Option<Value> {
    let y = d.year() as i32;
    Some(match u {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            Value::point(d.to_string(), Precision::Day)
        }
        Unit::Week | Unit::Weekend => Value::point(week(d), Precision::Week),
        Unit::Month => Value::point(month_str(y, d.month() as i32), Precision::Month),
        Unit::Quarter => Value::point(format!("{y:04}-Q{}", quarter_of(d) + 1), Precision::Season),
        Unit::Year => Value::point(format!("{y:04}"), Precision::Year),
        Unit::Decade => Value::point(format!("{:03}X", y / 10), Precision::Decade),
        Unit::Century => Value::point(format!("{:02}", y / 100), Precision::Decade),
    })
}

/// The TimeML form of a dateline point value: decades drop the X (`199`).
fn timeml_of(v: &Value) -> String {
    if v.precision == Precision::Decade {
        v.value.trim_end_matches('X').to_string()
    } else {
        v.value.clone()
    }
}

/// Shift a date by n units (n may be negative).
fn shift(d: Date, u: Unit, n: i64) -> Option<Date> {
    match u {
        Unit::Second | Unit::Minute => Some(d),
        Unit::Hour => days(
            d,
            if n < 0 {
                -((-n + 23) / 24)
            } else {
                (n + 23) / 24
            },
        ),
        Unit::Day => days(d, n),
        Unit::Week | Unit::Weekend => days(d, 7 * n),
        Unit::Month => d.checked_add(n.months()).ok(),
        Unit::Quarter => d.checked_add((3 * n).months()).ok(),
        Unit::Year => d.checked_add(n.years()).ok(),
        Unit::Decade => d.checked_add((10 * n).years()).ok(),
        Unit::Century => d.checked_add((100 * n).years()).ok(),
    }
}

/// Start and end date of the unit containing d.
fn unit_bounds(d: Date, u: Unit) -> Option<(Date, Date)> {
    match u {
        Unit::Week | Unit::Weekend => {
            let m = monday(d)?;
            Some((m, days(m, 6)?))
        }
        Unit::Month => Some((d.first_of_month(), d.last_of_month())),
        Unit::Quarter => {
            let s = Date::new(d.year(), (quarter_of(d) * 3 + 1) as i8, 1).ok()?;
            Some((s, months(s, 3).and_then(|e| days(e, -1))?))
        }
        Unit::Year => Some((d.first_of_year(), d.last_of_year())),
        _ => Some((d, d)),
    }
}

fn clock_suffix(c: Option<Clock>) -> String {
    match c {
        None => String::new(),
        Some(Clock::Hm(h, m)) => format!("T{h:02}:{m:02}"),
        Some(Clock::Part(p)) => format!("T{p}"),
    }
}

fn day_value(d: Date, clock: Option<Clock>) -> Resolved {
    Resolved {
        value: Some(Value::point(d.to_string(), Precision::Day)),
        timeml: Some(format!("{d}{}", clock_suffix(clock))),
    }
}

fn point(v: Value) -> Resolved {
    Resolved {
        timeml: Some(timeml_of(&v)),
        value: Some(v),
    }
}

fn timeml_only(s: String) -> Resolved {
    Resolved {
        value: None,
        timeml: Some(s),
    }
}

/// Resolve an expression against the reference date `r` under `tense`.
pub fn resolve(x: &Expr, r: Option<Date>, tense: Tense) -> Resolved {
    resolve_inner(x, r, tense).unwrap_or_default()
}

fn resolve_inner(x: &Expr, r: Option<Date>, tense: Tense) -> Option<Resolved> {
    // Expressions that need no reference date.
    match &x.sem {
        Sem::Ymd { y: Some(y), m, d } => {
            let date = Date::new(*y as i16, *m as i8, *d as i8).ok()?;
            return Some(day_value(date, x.clock));
        }
        Sem::Ym { y: Some(y), m } => {
            return Some(point(Value::point(
                month_str(*y, *m as i32),
                Precision::Month,
            )));
        }
        Sem::Year(y) => return Some(point(Value::point(format!("{y:04}"), Precision::Year))),
        Sem::Decade(d) => return Some(point(Value::point(format!("{d:03}X"), Precision::Decade))),
        Sem::Century(c) => return Some(point(Value::point(format!("{c:02}"), Precision::Decade))),
        Sem::Season { s, y: Some(y), .. } => {
            return Some(point(Value::point(
                format!("{y:04}-{}", SEASONS[*s as usize]),
                Precision::Season,
            )));
        }
        Sem::Quarter { q, y: Some(y) } => {
            return Some(point(Value::point(
                format!("{y:04}-Q{q}"),
                Precision::Season,
            )));
        }
        Sem::Half { h, y: Some(y) } => {
            return Some(point(Value::point(
                format!("{y:04}-H{h}"),
                Precision::Season,
            )));
        }
        Sem::Duration { n, unit } => {
            let n = n.map_or("X".to_string(), |n| n.to_string());
            return Some(timeml_only(unit.timeml(&n)));
        }
        Sem::Ref(s) => return Some(timeml_only((*s).to_string())),
        Sem::Set(s) => return Some(timeml_only(s.clone())),
        _ => {}
    }
    let r = r?;
    let y = r.year() as i32;
    Some(match &x.sem {
        Sem::Ymd { y: None, m, d } => {
            // The year is chosen at month granularity: "Nov. 20" in a story of Nov. 2 keeps
            // the year even in a past narrative.
            let cands: Vec<(i64, Date)> = (y - 1..=y + 1)
                .filter_map(|yy| Date::new(yy as i16, *m as i8, *d as i8).ok())
                .map(|dt| (dt.year() as i64 * 12 + dt.month() as i64, dt))
                .collect();
            let key = y as i64 * 12 + r.month() as i64;
            day_value(choose_near(&cands, key, tense, 2)?, x.clock)
        }
        Sem::Holiday { m, d } => {
            let cands: Vec<(i64, Date)> = (y - 1..=y + 1)
                .filter_map(|yy| Date::new(yy as i16, *m as i8, *d as i8).ok())
                .map(|dt| (day_key(dt), dt))
                .collect();
            day_value(choose(&cands, day_key(r), tense)?, x.clock)
        }
        Sem::Thanksgiving => {
            let cands: Vec<(i64, Date)> = (y - 1..=y + 1)
                .filter_map(|yy| {
                    let first = Date::new(yy as i16, 11, 1).ok()?;
                    let to_thu = (4 - wd(first)).rem_euclid(7);
                    days(first, to_thu + 21)
                })
                .map(|dt| (day_key(dt), dt))
                .collect();
            day_value(choose(&cands, day_key(r), tense)?, x.clock)
        }
        Sem::Easter { plus, week: whole } => {
            let cands: Vec<(i64, Date)> = (y - 1..=y + 1)
                .filter_map(|yy| days(easter_sunday(yy)?, *plus as i64))
                .filter_map(|dt| Some((dt, days(dt, -7)?)))
                // A week is read from its start: Palm Sunday opens Holy Week.
                .map(|(dt, palm)| (day_key(if *whole { palm } else { dt }), dt))
                .collect();
            let day = choose(&cands, day_key(r), tense)?;
            if *whole {
                // ISO weeks end on Sunday: the week of Easter Sunday is the week before it.
                point(Value::point(week(day), Precision::Week))
            } else {
                day_value(day, x.clock)
            }
        }
        Sem::NthWeekday {
            m,
            wd: want,
            nth,
            plus,
        } => {
            let cands: Vec<(i64, Date)> = (y - 1..=y + 1)
                .filter_map(|yy| {
                    let day = if *nth > 0 {
                        let first = Date::new(yy as i16, *m as i8, 1).ok()?;
                        let to = (*want as i64 - wd(first)).rem_euclid(7);
                        days(first, to + 7 * (*nth as i64 - 1))?
                    } else {
                        let last = Date::new(yy as i16, *m as i8, 1).ok()?.last_of_month();
                        days(last, -(wd(last) - *want as i64).rem_euclid(7))?
                    };
                    days(day, *plus as i64)
                })
                .map(|dt| (day_key(dt), dt))
                .collect();
            day_value(choose(&cands, day_key(r), tense)?, x.clock)
        }
        Sem::Ym { y: None, m } => {
            let key = y as i64 * 12 + r.month() as i64;
            let cands: Vec<(i64, i32)> = (y - 1..=y + 1)
                .map(|yy| (yy as i64 * 12 + *m as i64, yy))
                .collect();
            let yy = choose_near(&cands, key, tense, 1)?;
            point(Value::point(month_str(yy, *m as i32), Precision::Month))
        }
        Sem::YmOff { m, yoff } => point(Value::point(
            month_str(y + yoff, *m as i32),
            Precision::Month,
        )),
        Sem::YmdOff { m, d, yoff } => {
            let date = Date::new((y + yoff) as i16, *m as i8, *d as i8).ok()?;
            day_value(date, x.clock)
        }
        Sem::PastUnit(u) => {
            let from = shift(r, *u, -1)?;
            Resolved {
                timeml: Some(timeml_of(&unit_value(from, *u)?)),
                value: Some(Value::range(from, r)),
            }
        }
        Sem::Anaphor { unit, off } => point(unit_value(shift(r, *unit, *off as i64)?, *unit)?),
        Sem::MonthRel { m, rel } => {
            let key = y as i64 * 12 + r.month() as i64;
            let cands: Vec<(i64, i32)> = (y - 1..=y + 1)
                .map(|yy| (yy as i64 * 12 + *m as i64, yy))
                .collect();
            let yy = match rel {
                // "last February" written in March is a year back: the month just
                // ended would be "last month" or "in February".
                Rel::Last => choose(&cands, key - 2, Tense::Past)?,
                Rel::Next => choose(&cands, key + 1, Tense::Future)?,
                _ => y,
            };
            point(Value::point(month_str(yy, *m as i32), Precision::Month))
        }
        Sem::Weekday { wd: target, rel } => {
            let pw = wd(r);
            let t = *target as i64;
            let back = (pw - t).rem_euclid(7);
            let fwd = (t - pw).rem_euclid(7);
            let date = match rel {
                Rel::Last => days(r, -(if back == 0 { 7 } else { back }))?,
                Rel::Next => days(r, if fwd == 0 { 7 } else { fwd })?,
                Rel::This => days(r, t - pw)?,
                // A present-tense verb group with a weekday names an arrangement ("meets
                // on Friday", "is holding talks Friday"): forward, like the future. A plan
                // told in the past ("was due to sign on Friday") may lie either side: the
                // nearest, a tie going back.
                Rel::Tense => match tense {
                    Tense::Future | Tense::Present => days(r, fwd)?,
                    Tense::Either if fwd < back => days(r, fwd)?,
                    _ => days(r, -back)?,
                },
            };
            day_value(date, x.clock)
        }
        Sem::DayOff(off) => day_value(days(r, *off as i64)?, x.clock),
        Sem::Shift { n, unit } => {
            let d = shift(r, *unit, *n as i64)?;
            if *unit == Unit::Day {
                day_value(d, x.clock)
            } else {
                point(unit_value(d, *unit)?)
            }
        }
        Sem::Today => day_value(r, x.clock),
        Sem::Overnight => {
            let (a, b) = if tense == Tense::Future {
                (r, days(r, 1)?)
            } else {
                (days(r, -1)?, r)
            };
            Resolved {
                value: Some(Value::range(a, b)),
                timeml: Some(format!("{a}TNI")),
            }
        }
        Sem::UnitOff { unit, off } => {
            let off = *off as i64;
            let d = shift(r, *unit, off)?;
            point(unit_value(d, *unit)?)
        }
        Sem::Weekend(rel) => {
            let w = wd(r);
            let this_sat = days(monday(r)?, 5)?;
            let sat = match rel {
                // "cleared the barricades this weekend" in a story of Monday: the weekend
                // just past, which a past verb cannot see as still to come.
                Rel::This if tense == Tense::Past && w < 6 => days(this_sat, -7)?,
                Rel::This => this_sat,
                Rel::Last => days(this_sat, -7)?,
                Rel::Next => {
                    if w >= 6 {
                        days(this_sat, 7)?
                    } else {
                        this_sat
                    }
                }
                Rel::Tense => {
                    if w >= 6 || tense == Tense::Future {
                        this_sat
                    } else {
                        days(this_sat, -7)?
                    }
                }
            };
            Resolved {
                value: Some(Value::range(sat, days(sat, 1)?)),
                timeml: Some(format!("{}-WE", week(sat))),
            }
        }
        Sem::PartOfYear { half, n, yoff } => {
            let yy = y + yoff;
            let v = if *half {
                format!("{yy:04}-H{n}")
            } else {
                format!("{yy:04}-Q{n}")
            };
            point(Value::point(v, Precision::Season))
        }
        Sem::WeekOf(inner) => {
            let inner = Expr {
                sem: (**inner).clone(),
                clock: None,
            };
            let d = resolve_inner(&inner, Some(r), tense)?;
            let day: Date = d.value?.value.parse().ok()?;
            point(Value::point(week(day), Precision::Week))
        }
        Sem::DayNextTo(inner, off) => {
            let inner = Expr {
                sem: (**inner).clone(),
                clock: None,
            };
            let d = resolve_inner(&inner, Some(r), tense)?;
            let day: Date = d.value?.value.parse().ok()?;
            day_value(days(day, *off as i64)?, x.clock)
        }
        Sem::QuarterIn(yy) => {
            let q = quarter_of(r);
            let qq = if q == 0 { 4 } else { q };
            point(Value::point(format!("{yy:04}-Q{qq}"), Precision::Season))
        }
        Sem::QuarterAgo(n) => {
            // The latest completed quarter before the reference date.
            let q = quarter_of(r);
            let (yy, qq) = if q == 0 { (y - 1, 4) } else { (y, q) };
            point(Value::point(
                format!("{:04}-Q{qq}", yy - n),
                Precision::Season,
            ))
        }
        Sem::EarlierThis(u) => {
            let (s, _) = unit_bounds(r, *u)?;
            Resolved {
                timeml: Some(timeml_of(&unit_value(r, *u)?)),
                value: Some(Value::range(s, r)),
            }
        }
        Sem::LaterThis(u) => {
            let (_, e) = unit_bounds(r, *u)?;
            Resolved {
                timeml: Some(timeml_of(&unit_value(r, *u)?)),
                value: Some(Value::range(r, e)),
            }
        }
        Sem::Ago { n, unit } => {
            let Some(n) = n else {
                return Some(timeml_only("PAST_REF".into()));
            };
            let d = shift(r, *unit, -(*n as i64))?;
            point(unit_value(d, *unit)?)
        }
        Sem::Past { n, unit } => {
            let tml = unit.timeml(&n.map_or("X".to_string(), |n| n.to_string()));
            let Some(n) = n else {
                return Some(timeml_only(tml));
            };
            let from = shift(r, *unit, -(*n as i64))?;
            Resolved {
                value: Some(Value::range(from, r)),
                timeml: Some(tml),
            }
        }
        Sem::Coming { n, unit } => {
            let tml = unit.timeml(&n.map_or("X".to_string(), |n| n.to_string()));
            let Some(n) = n else {
                return Some(timeml_only(tml));
            };
            let to = shift(r, *unit, *n as i64)?;
            Resolved {
                value: Some(Value::range(r, to)),
                timeml: Some(tml),
            }
        }
        Sem::Season { s, y: None, rel } => {
            let (py, ps) = season_of(r);
            let key = py as i64 * 4 + ps as i64;
            let cands: Vec<(i64, i32)> = (y - 2..=y + 1)
                .map(|yy| (yy as i64 * 4 + *s as i64, yy))
                .collect();
            let yy = match rel {
                Rel::Last => choose(&cands, key - 1, Tense::Past)?,
                Rel::Next => choose(&cands, key + 1, Tense::Future)?,
                Rel::This => {
                    if *s == 3 && ps == 3 {
                        py
                    } else {
                        y
                    }
                }
                Rel::Tense => match tense {
                    Tense::Future | Tense::Either => choose(&cands, key, tense)?,
                    _ => choose(&cands, key, Tense::Past)?,
                },
            };
            point(Value::point(
                format!("{yy:04}-{}", SEASONS[*s as usize]),
                Precision::Season,
            ))
        }
        Sem::Quarter { q, y: None } => {
            let start_month = (*q as i32 - 1) * 3 + 1;
            let yy = if start_month > r.month() as i32 && tense != Tense::Future {
                y - 1
            } else {
                y
            };
            point(Value::point(format!("{yy:04}-Q{q}"), Precision::Season))
        }
        Sem::Half { h, y: None } => {
            let start_month = if *h == 1 { 1 } else { 7 };
            let yy = if start_month > r.month() as i32 && tense != Tense::Future {
                y - 1
            } else {
                y
            };
            point(Value::point(format!("{yy:04}-H{h}"), Precision::Season))
        }
        _ => return None,
    })
}
