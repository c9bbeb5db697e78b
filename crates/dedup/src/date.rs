//! ISO 8601 dateline values (`2016-10-15`, `2016-W41`, `2016-09`, `2016`, `A/B`) as inclusive
//! day-number intervals (days since 1970-01-01).

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_len(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// One point value as an inclusive interval of day numbers.
fn point(s: &str) -> Option<(i32, i32)> {
    let mut parts = s.split('-');
    let y = num(parts.next()?)?;
    if !(1..=9999).contains(&y) {
        return None;
    }
    let y = y as i32;
    let second = parts.next();
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    match (second, third) {
        (None, _) => Some((days_from_civil(y, 1, 1), days_from_civil(y, 12, 31))),
        (Some(w), None) if w.starts_with('W') => {
            let w = num(&w[1..])?;
            if !(1..=53).contains(&w) {
                return None;
            }
            // ISO week 1 contains January 4th; weeks start on Monday.
            let jan4 = days_from_civil(y, 1, 4);
            let weekday = (jan4 + 3).rem_euclid(7); // 0 = Monday (1970-01-01 was a Thursday)
            let start = jan4 - weekday + (w as i32 - 1) * 7;
            Some((start, start + 6))
        }
        (Some(m), None) => {
            let m = num(m)?;
            if !(1..=12).contains(&m) {
                return None;
            }
            Some((
                days_from_civil(y, m, 1),
                days_from_civil(y, m, month_len(y, m)),
            ))
        }
        (Some(m), Some(d)) => {
            let (m, d) = (num(m)?, num(d)?);
            if !(1..=12).contains(&m) || d == 0 || d > month_len(y, m) {
                return None;
            }
            let n = days_from_civil(y, m, d);
            Some((n, n))
        }
    }
}

/// A dateline date value as an inclusive interval of day numbers; `None` when it cannot be read
/// (seasons, decades, malformed values).
pub fn interval(value: &str) -> Option<(i32, i32)> {
    match value.split_once('/') {
        Some((a, b)) => {
            let (a, b) = (point(a)?, point(b)?);
            (a.0 <= b.1).then_some((a.0, b.1))
        }
        None => point(value),
    }
}

/// Days between two intervals: 0 when they overlap.
pub fn gap(a: (i32, i32), b: (i32, i32)) -> i32 {
    if a.1 < b.0 {
        b.0 - a.1
    } else if b.1 < a.0 {
        a.0 - b.1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        assert_eq!(interval("2016-10-15"), Some((17089, 17089)));
    }

    #[test]
    fn coarse_values_and_ranges() {
        let m = interval("2016-02").unwrap();
        assert_eq!(m.1 - m.0, 28); // leap February: 29 days
        let y = interval("2015").unwrap();
        assert_eq!(y.1 - y.0, 364);
        // 2016-W41 is Monday 10 October to Sunday 16 October 2016.
        assert_eq!(
            interval("2016-W41"),
            Some((days_from_civil(2016, 10, 10), days_from_civil(2016, 10, 16)))
        );
        // 2021-W01 starts on Monday 4 January 2021.
        assert_eq!(interval("2021-W01").unwrap().0, days_from_civil(2021, 1, 4));
        let r = interval("2016-09-22/2016-10-15").unwrap();
        assert_eq!(r.1 - r.0, 23);
        assert_eq!(interval("2016-13-01"), None);
        assert_eq!(interval("2016-02-30"), None);
        assert_eq!(interval("2016-SU"), None);
        assert_eq!(interval("2016-10-15/2016-10-01"), None);
    }

    #[test]
    fn gaps() {
        assert_eq!(gap((10, 12), (11, 20)), 0);
        assert_eq!(gap((10, 12), (14, 20)), 2);
        assert_eq!(gap((14, 20), (10, 12)), 2);
    }
}
