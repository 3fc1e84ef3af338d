package circuit

import (
	"fmt"
	"strconv"
)

// qarg is one argument of a statement: a register, or one of its bits.
type qarg struct {
	tok   token
	reg   Register
	index int // -1 for the whole register
}

// at returns the flat index of the argument in the i-th application of a
// broadcast statement.
func (a qarg) at(i int) int {
	if a.index >= 0 {
		return a.reg.Start + a.index
	}
	return a.reg.Start + i
}

// count is how many bits the argument names: 1, or its register's size.
func (a qarg) count() int {
	if a.index >= 0 {
		return 1
	}
	return a.reg.Size
}

// name writes the argument's i-th bit as in the source: q[3].
func (a qarg) name(i int) string { return fmt.Sprintf("%s[%d]", a.reg.Name, a.at(i)-a.reg.Start) }

// argument reads `name` or `name[index]` naming a declared quantum or
// classical register.
func (r *qasmReader) argument(quantum bool) (qarg, error) {
	kind, bit := "quantum", "qubit"
	if !quantum {
		kind, bit = "classical", "bit"
	}
	t := r.tok
	if t.kind != tokIdent {
		return qarg{}, r.errorf(t, "expected a %s register, found %s", kind, t.describe())
	}
	d, ok := r.regs[t.text]
	if !ok {
		return qarg{}, r.errorf(t, "undeclared register %s", t.text)
	}
	if d.quantum != quantum {
		return qarg{}, r.errorf(t, "expected a %s register, found register %s declared at line %d", kind, t.text, d.line)
	}
	a := qarg{tok: t, reg: d.reg, index: -1}
	if err := r.next(); err != nil || !r.is("[") {
		if r.v3 != nil && r.v3.single[t.text] {
			a.index = 0 // OpenQASM 3's `qubit q;` and `bit c;` name one bit
		}
		return a, err
	}
	if err := r.next(); err != nil {
		return a, err
	}
	if r.v3 != nil {
		i, err := r.indexExpr(bit, d.reg)
		a.index = i
		return a, err
	}
	it := r.tok
	if it.kind != tokInt {
		return a, r.errorf(it, "expected a %s index, found %s", bit, it.describe())
	}
	i, err := strconv.Atoi(it.text)
	if err != nil || i >= d.reg.Size {
		return a, r.errorf(it, "%s index %s out of range for register %s[%d]", bit, it.text, t.text, d.reg.Size)
	}
	a.index = i
	if err := r.next(); err != nil {
		return a, err
	}
	return a, r.expect("]", "after the index")
}

// arguments reads a comma-separated list of quantum arguments up to ';'.
func (r *qasmReader) arguments() ([]qarg, error) {
	var args []qarg
	for {
		a, err := r.argument(true)
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if !r.is(",") {
			return args, r.expect(";", "after the arguments")
		}
		if err := r.next(); err != nil {
			return nil, err
		}
	}
}

// broadcast returns how many times a statement applies: the common size of
// its whole-register arguments, or 1 when every argument is indexed.
func (r *qasmReader) broadcast(args []qarg) (int, error) {
	n, first := 1, -1
	for i, a := range args {
		if a.index >= 0 {
			continue
		}
		if first < 0 {
			n, first = a.reg.Size, i
			continue
		}
		if a.reg.Size != n {
			f := args[first]
			return 0, r.errorf(a.tok, "registers %s[%d] and %s[%d] differ in size: whole registers in one statement must have equal sizes", f.reg.Name, f.reg.Size, a.reg.Name, a.reg.Size)
		}
	}
	return n, nil
}
