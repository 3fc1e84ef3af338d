package circuit

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseError says where an OpenQASM program or a parameter expression is
// wrong and what was expected there. Lines and columns count from 1; a column
// counts characters (runes), so "θ" is one column.
type ParseError struct {
	File   string // the file name given to ParseQASM; empty for ParseParam
	Line   int
	Column int
	Msg    string
}

// Error formats the error as file:line:column: message, the form compilers
// and editors understand. Without a file name it is line:column: message.
func (e *ParseError) Error() string {
	if e.File == "" {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// tokKind classifies a token.
type tokKind uint8

const (
	tokEOF tokKind = iota
	tokIdent
	tokInt    // a non-negative integer literal: 0, 17
	tokReal   // any other number: 1.5, .5, 2e-3, 1.
	tokString // "qelib1.inc", without the quotes in text
	tokPunct  // ; , ( ) [ ] { } + - * / ^ == -> (and in OpenQASM 3 ** @ : ! != < > <= >= $ # %)
)

// token is one lexeme with the position of its first character.
type token struct {
	kind      tokKind
	text      string
	line, col int
}

// describe names a token for an error message: `";"`, `identifier "q"`.
func (t token) describe() string {
	switch t.kind {
	case tokEOF:
		return "the end of the input"
	case tokIdent:
		return fmt.Sprintf("identifier %q", t.text)
	case tokInt, tokReal:
		return fmt.Sprintf("number %s", t.text)
	case tokString:
		return fmt.Sprintf("string %q", t.text)
	}
	return fmt.Sprintf("%q", t.text)
}

// lexer splits OpenQASM 2.0 source (and ParseParam's expressions, which use
// the same tokens) into tokens. It skips blanks, CR and LF line endings,
// `//` comments to the end of the line and `/* */` comments.
type lexer struct {
	file      string
	src       string
	off       int
	line, col int
	// v3 adds the punctuation of OpenQASM 3: ** (a power, like ^) @ : ! !=
	// < > <= >= and the
	// $ # % that only appear in programs outside the subset it reads.
	v3 bool
}

func newLexer(file, src string) lexer { return lexer{file: file, src: src, line: 1, col: 1} }

func (l *lexer) errorAt(line, col int, format string, args ...any) *ParseError {
	return &ParseError{File: l.file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// advance moves past n bytes that contain no newline.
func (l *lexer) advance(n int) {
	l.col += utf8.RuneCountInString(l.src[l.off : l.off+n])
	l.off += n
}

// skip passes blanks and comments.
func (l *lexer) skip() error {
	for l.off < len(l.src) {
		switch ch := l.src[l.off]; {
		case ch == '\n':
			l.off++
			l.line++
			l.col = 1
		case ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v':
			l.advance(1)
		case strings.HasPrefix(l.src[l.off:], "//"):
			end := strings.IndexByte(l.src[l.off:], '\n')
			if end < 0 {
				end = len(l.src) - l.off
			}
			l.advance(end)
		case strings.HasPrefix(l.src[l.off:], "/*"):
			line, col := l.line, l.col
			end := strings.Index(l.src[l.off+2:], "*/")
			if end < 0 {
				return l.errorAt(line, col, "unterminated comment: expected */")
			}
			for _, r := range l.src[l.off : l.off+end+4] {
				if r == '\n' {
					l.line++
					l.col = 1
				} else {
					l.col++
				}
			}
			l.off += end + 4
		default:
			return nil
		}
	}
	return nil
}

// next returns the next token, or a ParseError for a character that starts
// none.
func (l *lexer) next() (token, error) {
	if err := l.skip(); err != nil {
		return token{}, err
	}
	t := token{line: l.line, col: l.col}
	if l.off == len(l.src) {
		return t, nil
	}
	rest := l.src[l.off:]
	r, size := utf8.DecodeRuneInString(rest)
	switch {
	case r == '_' || unicode.IsLetter(r):
		n := size
		for n < len(rest) {
			r, sz := utf8.DecodeRuneInString(rest[n:])
			if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			n += sz
		}
		t.kind, t.text = tokIdent, rest[:n]
	case isDigit(rest[0]) || (rest[0] == '.' && len(rest) > 1 && isDigit(rest[1])):
		t.kind, t.text = lexNumber(rest)
	case rest[0] == '"':
		end := strings.IndexAny(rest[1:], "\"\n")
		if end < 0 || rest[1+end] != '"' {
			return t, l.errorAt(t.line, t.col, "unterminated string: expected a closing \"")
		}
		t.kind, t.text = tokString, rest[1:1+end]
		l.advance(end + 2)
		return t, nil
	case strings.HasPrefix(rest, "==") || strings.HasPrefix(rest, "->"),
		l.v3 && (strings.HasPrefix(rest, "!=") || strings.HasPrefix(rest, "**") || strings.HasPrefix(rest, "<=") || strings.HasPrefix(rest, ">=")):
		t.kind, t.text = tokPunct, rest[:2]
	case strings.IndexByte(";,()[]{}+-*/^=", rest[0]) >= 0,
		l.v3 && strings.IndexByte("@:!<>$#%", rest[0]) >= 0:
		t.kind, t.text = tokPunct, rest[:1]
	default:
		return t, l.errorAt(t.line, t.col, "unexpected character %q", r)
	}
	l.advance(len(t.text))
	return t, nil
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// lexNumber reads the longest number at the start of s: digits, an optional
// fraction, an optional exponent (taken only when digits follow it).
func lexNumber(s string) (tokKind, string) {
	kind := tokInt
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	if n < len(s) && s[n] == '.' {
		kind = tokReal
		n++
		for n < len(s) && isDigit(s[n]) {
			n++
		}
	}
	if n < len(s) && (s[n] == 'e' || s[n] == 'E') {
		m := n + 1
		if m < len(s) && (s[m] == '+' || s[m] == '-') {
			m++
		}
		if m < len(s) && isDigit(s[m]) {
			kind = tokReal
			for m < len(s) && isDigit(s[m]) {
				m++
			}
			n = m
		}
	}
	return kind, s[:n]
}

// scanner holds the current token of a lexer: the one-token look-ahead both
// the expression parser and the QASM parser need.
type scanner struct {
	lx   lexer
	tok  token
	nest int // depth of expression parsing, bounded by maxExprDepth
}

func newScanner(file, src string) (*scanner, error) {
	s := &scanner{lx: newLexer(file, src)}
	return s, s.next()
}

// next moves to the following token.
func (s *scanner) next() error {
	t, err := s.lx.next()
	if err != nil {
		return err
	}
	s.tok = t
	return nil
}

// errorf makes a ParseError at token t.
func (s *scanner) errorf(t token, format string, args ...any) *ParseError {
	return s.lx.errorAt(t.line, t.col, format, args...)
}

// is reports whether the current token is the punctuation p.
func (s *scanner) is(p string) bool { return s.tok.kind == tokPunct && s.tok.text == p }

// expect consumes the punctuation p or reports what was found instead; what
// says where p belongs ("after the register size").
func (s *scanner) expect(p, what string) error {
	if !s.is(p) {
		return s.errorf(s.tok, "expected %q %s, found %s", p, what, s.tok.describe())
	}
	return s.next()
}
