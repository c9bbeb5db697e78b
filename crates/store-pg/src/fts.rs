//! `--text` queries: the SQLite store takes FTS5 query syntax; this turns the same syntax into
//! a PostgreSQL `tsquery` text for `to_tsquery('simple', …)`, so one query means the same on
//! both backends.
//!
//! Supported, as in FTS5: words, `"phrases"` (a doubled `""` is a quote inside), `prefix*`,
//! `AND`, `OR`, `NOT` (binary: `a NOT b`), parentheses, and implicit AND between neighbours.
//! Precedence as in FTS5: NOT binds tightest, then AND, then OR. `NEAR(…)` and column filters
//! are refused with an error. Every word and phrase becomes one quoted `tsquery` operand, so
//! no user text is ever read as `tsquery` syntax; PostgreSQL's parser splits it into lexemes
//! the same way it splits the indexed text.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Term { text: String, prefix: bool },
    And,
    Or,
    Not,
    Open,
    Close,
}

fn lex(q: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut it = q.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        if c.is_whitespace() {
            it.next();
        } else if c == '(' {
            it.next();
            out.push(Tok::Open);
        } else if c == ')' {
            it.next();
            out.push(Tok::Close);
        } else if c == '"' {
            it.next();
            let mut s = String::new();
            let mut closed = false;
            while let Some((_, c)) = it.next() {
                if c == '"' {
                    if it.peek().map(|p| p.1) == Some('"') {
                        it.next();
                        s.push('"');
                    } else {
                        closed = true;
                        break;
                    }
                } else {
                    s.push(c);
                }
            }
            if !closed {
                return Err(format!("unterminated string at byte {i}"));
            }
            let prefix = it.peek().map(|p| p.1) == Some('*');
            if prefix {
                it.next();
            }
            out.push(Tok::Term { text: s, prefix });
        } else if c == '*' {
            return Err(format!("'*' without a word before it at byte {i}"));
        } else {
            let mut s = String::new();
            while let Some(&(_, c)) = it.peek() {
                if c.is_whitespace() || matches!(c, '(' | ')' | '"' | '*') {
                    break;
                }
                s.push(c);
                it.next();
            }
            let prefix = it.peek().map(|p| p.1) == Some('*');
            if prefix {
                it.next();
            }
            match s.as_str() {
                "AND" if !prefix => out.push(Tok::And),
                "OR" if !prefix => out.push(Tok::Or),
                "NOT" if !prefix => out.push(Tok::Not),
                "NEAR" if it.peek().map(|p| p.1) == Some('(') => {
                    return Err("NEAR(...) is not supported by the PostgreSQL store".into());
                }
                _ if s.contains(':') => {
                    return Err(format!(
                        "{s:?}: column filters are not supported by the PostgreSQL store"
                    ));
                }
                _ => out.push(Tok::Term { text: s, prefix }),
            }
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn or(&mut self) -> Result<String, String> {
        let mut parts = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            parts.push(self.and()?);
        }
        Ok(join(parts, " | "))
    }

    fn and(&mut self) -> Result<String, String> {
        let mut parts = vec![self.not()?];
        loop {
            match self.peek() {
                Some(Tok::And) => {
                    self.pos += 1;
                    parts.push(self.not()?);
                }
                Some(Tok::Term { .. }) | Some(Tok::Open) => parts.push(self.not()?),
                _ => break,
            }
        }
        Ok(join(parts, " & "))
    }

    fn not(&mut self) -> Result<String, String> {
        let mut s = self.primary()?;
        while self.peek() == Some(&Tok::Not) {
            self.pos += 1;
            let rhs = self.primary()?;
            s = format!("({s} & !{rhs})");
        }
        Ok(s)
    }

    fn primary(&mut self) -> Result<String, String> {
        match self.toks.get(self.pos).cloned() {
            Some(Tok::Open) => {
                self.pos += 1;
                let e = self.or()?;
                if self.peek() != Some(&Tok::Close) {
                    return Err("unbalanced parenthesis".into());
                }
                self.pos += 1;
                Ok(format!("({e})"))
            }
            Some(Tok::Term { text, prefix }) => {
                self.pos += 1;
                let quoted = text.replace('\\', "\\\\").replace('\'', "''");
                Ok(format!("'{quoted}'{}", if prefix { ":*" } else { "" }))
            }
            Some(t) => Err(format!("unexpected {t:?}")),
            None => Err("query ends where a word was expected".into()),
        }
    }
}

fn join(parts: Vec<String>, op: &str) -> String {
    if parts.len() == 1 {
        parts.into_iter().next().unwrap_or_default()
    } else {
        format!("({})", parts.join(op))
    }
}

/// The `tsquery` text for an FTS5-syntax query, or an error naming what is wrong with it.
pub fn to_tsquery(q: &str) -> Result<String, String> {
    let toks = lex(q)?;
    if toks.is_empty() {
        return Err("empty query".into());
    }
    let mut p = Parser { toks, pos: 0 };
    let e = p.or()?;
    if p.pos != p.toks.len() {
        return Err(format!("unexpected {:?}", p.toks[p.pos]));
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::to_tsquery;

    #[test]
    fn fts5_syntax_becomes_tsquery() {
        let t = |q| to_tsquery(q).unwrap();
        assert_eq!(t("Mogadishu"), "'Mogadishu'");
        assert_eq!(t("air strike"), "('air' & 'strike')");
        assert_eq!(
            t("\"air strike\" AND Hodeidah"),
            "('air strike' & 'Hodeidah')"
        );
        assert_eq!(t("a OR b c"), "('a' | ('b' & 'c'))");
        assert_eq!(t("a NOT b"), "('a' & !'b')");
        assert_eq!(t("(a OR b) NOT c"), "((('a' | 'b')) & !'c')");
        assert_eq!(t("elect*"), "'elect':*");
        assert_eq!(t("O'Brien"), "'O''Brien'");
        assert_eq!(t("\"say \"\"no\"\"\""), "'say \"no\"'");
        assert_eq!(t("back\\slash"), "'back\\\\slash'");
    }

    #[test]
    fn bad_queries_are_errors() {
        for q in [
            "\"open",
            "",
            "  ",
            "a AND",
            "(a",
            "a)",
            "NOT a",
            "OR",
            "*",
            "NEAR(a b)",
            "title:a",
        ] {
            assert!(to_tsquery(q).is_err(), "{q:?}");
        }
    }
}
