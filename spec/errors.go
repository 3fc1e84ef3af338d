package spec

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is one problem in a spec file, located at the line of the field
// that causes it, e.g.
//
//	examples/iris.yaml:14: model.qubits: 3 qubits cannot angle-encode 4 features (add data.pca: 3 or use more qubits)
type Error struct {
	File  string // the spec file as it was named
	Line  int    // 1-based; 0 when the problem has no line
	Field string // dotted path, e.g. "model.qubits", "train.optimizer.lr", "data.features[2]"
	Msg   string
}

// Error formats e as file:line: field: message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors lists every problem found in one spec, in file order. Parse and
// Validate report all of them at once, so a user fixes a file in one pass.
type Errors []*Error

// Error joins the problems, one per line.
func (l Errors) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap exposes the single problems to errors.As and errors.Is.
func (l Errors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// maxErrors caps a report: past it, more messages only hide the first ones.
const maxErrors = 20

// problems collects the errors of one pass over a spec.
type problems struct {
	file  string
	lines map[string]int
	list  Errors
}

// add records a problem at field, located at the field's line or, when the
// field is absent from the file, at its nearest present parent's.
func (p *problems) add(field, format string, a ...any) {
	p.list = append(p.list, &Error{File: p.file, Line: lineOf(p.lines, field), Field: field, Msg: fmt.Sprintf(format, a...)})
}

// addAt records a problem at an explicit line.
func (p *problems) addAt(line int, field, format string, a ...any) {
	p.list = append(p.list, &Error{File: p.file, Line: line, Field: field, Msg: fmt.Sprintf(format, a...)})
}

// err returns the problems sorted by line (stable, so one line's problems
// keep their order), capped at maxErrors, or nil.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	l := slices.Clone(p.list)
	slices.SortStableFunc(l, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
	if len(l) > maxErrors {
		l = l[:maxErrors]
	}
	return l
}

// reported reports whether a problem at field, or at a field above or
// below it, is already on the list.
func (p *problems) reported(field string) bool {
	for _, e := range p.list {
		if e.Field == field || strings.HasPrefix(field, e.Field+".") || strings.HasPrefix(field, e.Field+"[") ||
			strings.HasPrefix(e.Field, field+".") || strings.HasPrefix(e.Field, field+"[") {
			return true
		}
	}
	return false
}

// lineOf returns the line of field, or of its nearest recorded parent
// ("model.qubits" → "model" → the top, line 1).
func lineOf(lines map[string]int, field string) int {
	for f := field; ; {
		if l, ok := lines[f]; ok {
			return l
		}
		i := strings.LastIndexAny(f, ".[")
		if i < 0 {
			return lines[""]
		}
		f = f[:i]
	}
}
