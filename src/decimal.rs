//! Integers written in decimal without the formatting machinery: the JSON
//! writer and the audit's messages write thousands of them per run.

/// The decimal digits of `v` (ASCII), written at the end of `buf`.
pub(crate) fn digits(v: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    let mut rest = v;
    loop {
        i -= 1;
        buf[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    &buf[i..]
}

/// Appends `v` in decimal, with a minus sign when negative, as `{v}`
/// formats it.
pub(crate) fn push_i64(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    // ASCII digits: each byte is its char.
    out.extend(digits(v.unsigned_abs(), &mut [0; 20]).iter().map(|&b| char::from(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn edges() {
        for v in [0, 1, 9, 10, 99, 100, i64::MAX, i64::MIN, -1, -10] {
            let mut s = String::new();
            push_i64(&mut s, v);
            assert_eq!(s, v.to_string());
        }
        let mut buf = [0; 20];
        assert_eq!(digits(u64::MAX, &mut buf), u64::MAX.to_string().as_bytes());
    }

    proptest! {
        #[test]
        fn as_format_writes_it(v: i64, u: u64) {
            let mut s = String::from("x");
            push_i64(&mut s, v);
            prop_assert_eq!(s, format!("x{v}"));
            let mut buf = [0; 20];
            let want = u.to_string();
            prop_assert_eq!(digits(u, &mut buf), want.as_bytes());
        }
    }
}
