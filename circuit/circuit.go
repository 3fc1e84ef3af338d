package circuit

import (
	"errors"
	"fmt"
)

// OpKind distinguishes gates from the non-unitary instructions.
type OpKind uint8

const (
	// GateOp applies a named gate or an explicit unitary.
	GateOp OpKind = iota
	// MeasureOp measures one qubit in the computational basis into a classical bit.
	MeasureOp
	// ResetOp returns one qubit to |0⟩.
	ResetOp
	// BarrierOp has no effect on the state; it stops gate fusion and marks layers.
	BarrierOp
)

// Register is a named, contiguous range of qubits or classical bits.
// Registers are flattened in declaration order: the first register's bit 0
// is the circuit's bit 0.
type Register struct {
	Name  string
	Start int
	Size  int
}

// Condition makes an operation classically controlled: it runs only when the
// classical register Reg, read as an unsigned integer with its bit 0 least
// significant, equals Value (OpenQASM 2.0's `if (creg == n)`).
type Condition struct {
	Reg   Register
	Value uint64
}

// Op is one instruction of a circuit.
type Op struct {
	Kind OpKind
	// Gate is the named gate a GateOp applies; nil for an explicit unitary.
	Gate *GateSpec
	// Qubits lists the qubits acted on, controls first; the first listed is
	// the least-significant bit of the gate matrix's index.
	Qubits []int
	// Params holds the gate's angles.
	Params []Param
	// Unitary is the row-major 2^k × 2^k matrix of an explicit-unitary GateOp.
	Unitary []complex128
	// Clbit receives the outcome of a MeasureOp.
	Clbit int
	// Cond, when non-nil, makes the op classically controlled.
	Cond *Condition
}

// Name returns the gate name ("unitary" for an explicit matrix) or the
// instruction name.
func (op *Op) Name() string {
	switch op.Kind {
	case MeasureOp:
		return "measure"
	case ResetOp:
		return "reset"
	case BarrierOp:
		return "barrier"
	}
	if op.Gate == nil {
		return "unitary"
	}
	return op.Gate.Name
}

// Angles evaluates the op's angles under b.
func (op *Op) Angles(b Binding) []float64 {
	if len(op.Params) == 0 {
		return nil
	}
	a := make([]float64, len(op.Params))
	for i, p := range op.Params {
		a[i] = p.Value(b)
	}
	return a
}

// Matrix returns the full 2^k × 2^k matrix of a GateOp under b, in the op's
// local qubit order.
func (op *Op) Matrix(b Binding) []complex128 {
	if op.Gate == nil {
		return append([]complex128(nil), op.Unitary...)
	}
	return op.Gate.Matrix(op.Angles(b))
}

// Circuit is a sequence of operations on NumQubits qubits and NumClbits
// classical bits. Build one with New and the chaining methods; the first
// invalid call is remembered and returned by Err, and later calls are
// ignored, so a chain needs one error check at the end.
type Circuit struct {
	NumQubits int
	NumClbits int
	QRegs     []Register
	CRegs     []Register
	Ops       []Op
	err       error
}

// New returns an empty circuit on n qubits (one register named "q") and no
// classical bits.
func New(n int) *Circuit {
	c := &Circuit{}
	if n < 0 {
		c.err = fmt.Errorf("circuit: negative qubit count %d", n)
		return c
	}
	if n > 0 {
		c.AddQReg("q", n)
	}
	return c
}

// Err returns the first error met while building c, or nil.
func (c *Circuit) Err() error { return c.err }

func (c *Circuit) fail(err error) *Circuit {
	if c.err == nil {
		c.err = err
	}
	return c
}

// AddQReg appends a quantum register of the given size and returns it. On a
// circuit that already failed it does nothing.
func (c *Circuit) AddQReg(name string, size int) Register {
	r := Register{Name: name, Start: c.NumQubits, Size: size}
	if c.err != nil {
		return r
	}
	if size <= 0 {
		c.fail(fmt.Errorf("circuit: register %s: size %d must be positive", name, size))
		return r
	}
	c.QRegs = append(c.QRegs, r)
	c.NumQubits += size
	return r
}

// AddCReg appends a classical register of the given size and returns it. On a
// circuit that already failed it does nothing.
func (c *Circuit) AddCReg(name string, size int) Register {
	r := Register{Name: name, Start: c.NumClbits, Size: size}
	if c.err != nil {
		return r
	}
	if size <= 0 {
		c.fail(fmt.Errorf("circuit: register %s: size %d must be positive", name, size))
		return r
	}
	c.CRegs = append(c.CRegs, r)
	c.NumClbits += size
	return r
}

// Append validates op and adds it to the circuit. It returns the error
// instead of remembering it; a circuit that already failed refuses.
func (c *Circuit) Append(op Op) error {
	if c.err != nil {
		return c.err
	}
	if err := c.check(&op); err != nil {
		return fmt.Errorf("circuit: op %d (%s): %w", len(c.Ops), op.Name(), err)
	}
	c.Ops = append(c.Ops, op)
	return nil
}

// check validates one op against the circuit's sizes.
func (c *Circuit) check(op *Op) error {
	seen := make(map[int]bool, len(op.Qubits))
	for _, q := range op.Qubits {
		if q < 0 || q >= c.NumQubits {
			return fmt.Errorf("qubit %d out of range [0, %d)", q, c.NumQubits)
		}
		if seen[q] {
			return fmt.Errorf("qubit %d used twice", q)
		}
		seen[q] = true
	}
	switch op.Kind {
	case GateOp:
		if op.Gate != nil {
			if len(op.Qubits) != op.Gate.Qubits {
				return fmt.Errorf("takes %d qubits, got %d", op.Gate.Qubits, len(op.Qubits))
			}
			if len(op.Params) != op.Gate.Params {
				return fmt.Errorf("takes %d parameters, got %d", op.Gate.Params, len(op.Params))
			}
		} else if err := checkUnitary(op.Unitary, len(op.Qubits)); err != nil {
			return err
		}
		for _, p := range op.Params {
			for _, t := range p.Terms {
				if t.Index < 0 {
					return fmt.Errorf("negative symbol index %d", t.Index)
				}
			}
		}
	case MeasureOp, ResetOp:
		if len(op.Qubits) != 1 {
			return fmt.Errorf("acts on one qubit, got %d", len(op.Qubits))
		}
		if op.Kind == MeasureOp && (op.Clbit < 0 || op.Clbit >= c.NumClbits) {
			return fmt.Errorf("classical bit %d out of range [0, %d)", op.Clbit, c.NumClbits)
		}
	case BarrierOp:
	default:
		return fmt.Errorf("unknown op kind %d", op.Kind)
	}
	if op.Cond != nil {
		r := op.Cond.Reg
		if r.Start < 0 || r.Size <= 0 || r.Start+r.Size > c.NumClbits {
			return fmt.Errorf("condition register %s out of range", r.Name)
		}
		if r.Size < 64 && op.Cond.Value >= 1<<r.Size {
			return fmt.Errorf("condition value %d does not fit register %s of %d bits", op.Cond.Value, r.Name, r.Size)
		}
	}
	return nil
}

// unitaryTolerance is how far from unitary an explicit matrix may be.
const unitaryTolerance = 1e-10

func checkUnitary(m []complex128, k int) error {
	if k == 0 || k > 10 {
		return fmt.Errorf("explicit unitary on %d qubits; want 1 to 10", k)
	}
	if len(m) != 1<<(2*k) {
		return fmt.Errorf("explicit unitary on %d qubits needs %d entries, got %d", k, 1<<(2*k), len(m))
	}
	dev, err := UnitarityError(m)
	if err != nil {
		return err
	}
	if dev > unitaryTolerance {
		return fmt.Errorf("matrix is not unitary: max |U†U − I| = %.3g > %g", dev, unitaryTolerance)
	}
	return nil
}

// Gate appends the named gate on qubits with the given angles.
func (c *Circuit) Gate(name string, qubits []int, params ...Param) *Circuit {
	g, ok := Lookup(name)
	if !ok {
		return c.fail(fmt.Errorf("circuit: op %d: unknown gate %q", len(c.Ops), name))
	}
	if err := c.Append(Op{Kind: GateOp, Gate: g, Qubits: append([]int(nil), qubits...), Params: append([]Param(nil), params...)}); err != nil {
		return c.fail(err)
	}
	return c
}

// Unitary appends an explicit unitary matrix (row-major, 2^k × 2^k, the
// first listed qubit least significant). It is checked for unitarity.
func (c *Circuit) Unitary(m []complex128, qubits ...int) *Circuit {
	if err := c.Append(Op{Kind: GateOp, Qubits: append([]int(nil), qubits...), Unitary: append([]complex128(nil), m...)}); err != nil {
		return c.fail(err)
	}
	return c
}

// Measure measures qubit q into classical bit clbit.
func (c *Circuit) Measure(q, clbit int) *Circuit {
	if err := c.Append(Op{Kind: MeasureOp, Qubits: []int{q}, Clbit: clbit}); err != nil {
		return c.fail(err)
	}
	return c
}

// MeasureAll adds a classical register "meas" of NumQubits bits and
// measures qubit i into its bit i.
func (c *Circuit) MeasureAll() *Circuit {
	r := c.AddCReg("meas", c.NumQubits)
	for q := 0; q < c.NumQubits; q++ {
		c.Measure(q, r.Start+q)
	}
	return c
}

// Reset returns qubit q to |0⟩.
func (c *Circuit) Reset(q int) *Circuit {
	if err := c.Append(Op{Kind: ResetOp, Qubits: []int{q}}); err != nil {
		return c.fail(err)
	}
	return c
}

// Barrier adds a barrier on the given qubits (all qubits when none are given).
func (c *Circuit) Barrier(qubits ...int) *Circuit {
	if len(qubits) == 0 {
		for q := 0; q < c.NumQubits; q++ {
			qubits = append(qubits, q)
		}
	}
	if err := c.Append(Op{Kind: BarrierOp, Qubits: append([]int(nil), qubits...)}); err != nil {
		return c.fail(err)
	}
	return c
}

// Compose appends every op of other, which must have no more qubits or
// classical bits than c.
func (c *Circuit) Compose(other *Circuit) *Circuit {
	if other.err != nil {
		return c.fail(other.err)
	}
	for _, op := range other.Ops {
		if err := c.Append(cloneOp(op)); err != nil {
			return c.fail(err)
		}
	}
	return c
}

// NumWeights returns one more than the largest weight index used (0 if none).
func (c *Circuit) NumWeights() int { return c.numSymbols(WeightSymbol) }

// NumInputs returns one more than the largest input index used (0 if none).
func (c *Circuit) NumInputs() int { return c.numSymbols(InputSymbol) }

func (c *Circuit) numSymbols(kind SymbolKind) int {
	n := 0
	for _, op := range c.Ops {
		for _, p := range op.Params {
			for _, t := range p.Terms {
				if t.Kind == kind && t.Index+1 > n {
					n = t.Index + 1
				}
			}
		}
	}
	return n
}

// CheckBinding returns an error unless b supplies every weight and input c uses.
func (c *Circuit) CheckBinding(b Binding) error {
	if c.err != nil {
		return c.err
	}
	if w := c.NumWeights(); len(b.Weights) < w {
		return fmt.Errorf("circuit uses %d weights, binding has %d", w, len(b.Weights))
	}
	if x := c.NumInputs(); len(b.Inputs) < x {
		return fmt.Errorf("circuit uses %d inputs, binding has %d", x, len(b.Inputs))
	}
	return nil
}

// Copy returns a deep copy of c.
func (c *Circuit) Copy() *Circuit {
	out := *c
	out.QRegs = append([]Register(nil), c.QRegs...)
	out.CRegs = append([]Register(nil), c.CRegs...)
	out.Ops = make([]Op, len(c.Ops))
	for i, op := range c.Ops {
		out.Ops[i] = cloneOp(op)
	}
	return &out
}

// ErrNotUnitary is returned by Inverse for circuits with measurements or resets.
var ErrNotUnitary = errors.New("circuit: measurements, resets and conditions have no inverse")

// Inverse returns the circuit that undoes c: the ops in reverse order, each
// replaced by its inverse gate (or by the adjoint matrix when no named gate
// is its inverse, which requires constant angles).
func (c *Circuit) Inverse() (*Circuit, error) {
	if c.err != nil {
		return nil, c.err
	}
	out := &Circuit{NumQubits: c.NumQubits, NumClbits: c.NumClbits, QRegs: c.QRegs, CRegs: c.CRegs}
	for i := len(c.Ops) - 1; i >= 0; i-- {
		op := c.Ops[i]
		if op.Kind == BarrierOp {
			out.Ops = append(out.Ops, op)
			continue
		}
		if op.Kind != GateOp || op.Cond != nil {
			return nil, ErrNotUnitary
		}
		inv := Op{Kind: GateOp, Qubits: append([]int(nil), op.Qubits...)}
		if op.Gate != nil {
			if name, p, ok := op.Gate.Inverse(op.Params); ok {
				inv.Gate, _ = Lookup(name)
				inv.Params = p
				out.Ops = append(out.Ops, inv)
				continue
			}
			for _, p := range op.Params {
				if !p.IsConst() {
					return nil, fmt.Errorf("circuit: op %d (%s) has no named inverse and symbolic angles", i, op.Name())
				}
			}
		}
		inv.Unitary = Dagger(op.Matrix(Binding{}))
		out.Ops = append(out.Ops, inv)
	}
	return out, nil
}

// cloneOp returns a copy of op that shares no memory with it.
func cloneOp(op Op) Op {
	op.Qubits = append([]int(nil), op.Qubits...)
	if op.Params != nil {
		params := make([]Param, len(op.Params))
		for k, p := range op.Params {
			params[k] = Param{Const: p.Const, Terms: append([]SymbolTerm(nil), p.Terms...)}
		}
		op.Params = params
	}
	op.Unitary = append([]complex128(nil), op.Unitary...)
	if op.Cond != nil {
		cond := *op.Cond
		op.Cond = &cond
	}
	return op
}
