package circuit

import (
	"fmt"
	"math"
)

// OpenQASM 3 gate modifiers (OpenQASM 3 specification, "Quantum gate
// modifiers"), and the expansion of a modified gate into the circuit's ops.
// The OpenQASM 2.0 reader shares the expansion with no modifiers.

// gateMods are the modifiers of one gate application, evaluated: ctrl(n) @,
// negctrl(n) @, inv @ and pow(k) @ in any order and number. Controls and
// powers commute, so they reduce to the exponent and the control list.
type gateMods struct {
	// exponent is the product of the pow(k) arguments, negated by each inv.
	exponent float64
	// negctrl has one entry per control qubit, in argument order (the
	// leftmost modifier's controls first); true marks a negctrl.
	negctrl []bool
}

// controls is the number of control qubits that lead the arguments; 0 for
// no modifiers.
func (m *gateMods) controls() int {
	if m == nil {
		return 0
	}
	return len(m.negctrl)
}

// raised returns m with its exponent multiplied by sign (±1): a call inside
// a body applied inversely.
func (m *gateMods) raised(sign float64) *gateMods {
	if sign == 1 {
		return m
	}
	if m == nil {
		return &gateMods{exponent: sign}
	}
	return &gateMods{exponent: sign * m.exponent, negctrl: m.negctrl}
}

// size bounds the ops an application of a definition of the given size
// expands to under m (capped at QASMMaxOps+1): integer powers repeat it and
// each negctrl adds two X gates.
func (m *gateMods) size(size int) int {
	if m == nil {
		return size
	}
	reps := 1.0
	if e := math.Abs(m.exponent); e == math.Trunc(e) {
		reps = e
	}
	n := float64(size)*reps + 2*float64(len(m.negctrl))
	return int(min(n, QASMMaxOps+1))
}

// applyMods applies d under the modifiers m and the outer controls to
// qubits, whose first m.controls() are the modifiers' control qubits: a
// negctrl is a ctrl between two X gates on its qubit (the X gates need no
// control, as they cancel when the outer controls are off).
func (d *gateDef) applyMods(params []Param, qubits []int, m *gateMods, controls []int, depth int, emit func(Op) error) error {
	if m == nil {
		return d.expandPow(params, qubits, 1, controls, depth, emit)
	}
	x, _ := Lookup("x")
	flip := func() error {
		for i, neg := range m.negctrl {
			if neg {
				if err := emit(Op{Kind: GateOp, Gate: x, Qubits: []int{qubits[i]}}); err != nil {
					return err
				}
			}
		}
		return nil
	}
	nc := len(m.negctrl)
	all := append(append([]int(nil), controls...), qubits[:nc]...)
	if err := flip(); err != nil {
		return err
	}
	if err := d.expandPow(params, qubits[nc:], m.exponent, all, depth, emit); err != nil {
		return err
	}
	return flip()
}

// repetitions says how a body is raised to exponent: so many passes, in
// order (sign 1) or reversed with each call inverted (sign −1).
func (d *gateDef) repetitions(exponent float64) (int, float64, error) {
	if exponent != math.Trunc(exponent) {
		return 0, 0, fmt.Errorf("pow(%g) @ %s: a fractional power needs a gate with a generator (rx, ry, rz, p, crx, rzz, …), and %s is defined by a body", exponent, d.name, d.name)
	}
	if exponent < 0 {
		return int(-exponent), -1, nil
	}
	return int(exponent), 1, nil
}

// phaseGates are the fixed gates that are phase gates p(λ) (z = p(π),
// s = p(π/2), …) and so have every power p(kλ).
var phaseGates = map[string]struct {
	gate  string
	angle float64
}{
	"z": {"p", math.Pi}, "s": {"p", math.Pi / 2}, "sdg": {"p", -math.Pi / 2},
	"t": {"p", math.Pi / 4}, "tdg": {"p", -math.Pi / 4}, "cz": {"cp", math.Pi},
}

// primitive emits the registered gate of d raised to exponent under the
// controls. A gate with a generator, U(θ) = exp(−iθG), has U(θ)^k =
// U(kθ) for every real k (the principal power); so do the phase gates. Other
// gates take integer powers: repeated, or their inverse repeated. A
// controlled gate becomes the registered gate with that many more controls
// (x → cx → ccx → c3x → c4x) or, with constant angles, an explicit
// controlled matrix. d.phase, the global phase by which d differs from its
// registered gate, becomes a phase on the controls.
func (d *gateDef) primitive(params []Param, qubits []int, exponent float64, controls []int, emit func(Op) error) error {
	spec := d.spec
	if exponent == 0 {
		return nil
	}
	base := Op{Kind: GateOp, Gate: spec, Qubits: qubits, Params: params}
	reps := 1
	switch pg, isPhase := phaseGates[spec.Name]; {
	case exponent == 1:
	case spec.generator != nil && spec.Params == 1:
		base.Params = []Param{params[0].Scale(exponent)}
	case isPhase && exponent != math.Trunc(exponent):
		base.Gate, _ = Lookup(pg.gate)
		base.Params = []Param{Const(pg.angle * exponent)}
	case exponent != math.Trunc(exponent):
		return fmt.Errorf("pow(%g) @ %s: a fractional power needs a gate with a generator (rx, ry, rz, p, crx, rzz, …) or a phase gate (z, s, t)", exponent, d.name)
	case exponent < 0:
		reps = int(-exponent)
		if name, p, ok := spec.Inverse(params); ok {
			base.Gate, _ = Lookup(name)
			base.Params = p
		} else {
			// only gates without angles lack a named inverse
			base.Gate, base.Params, base.Unitary = nil, nil, Dagger(spec.Matrix(nil))
		}
	default:
		reps = int(exponent)
	}
	for _, p := range base.Params {
		if !finite(p) {
			return fmt.Errorf("pow(%g) @ %s: the angle is not a finite number", exponent, d.name)
		}
	}
	op, err := controlled(base, controls)
	if err != nil {
		return err
	}
	for range reps {
		if err := emit(cloneOp(op)); err != nil {
			return err
		}
	}
	if d.phase != nil && len(controls) > 0 {
		return controlledPhase(d.phase(params).Scale(exponent), controls, emit)
	}
	return nil
}

// controlled returns op under the given control qubits: the registered gate
// of its controlled family with that many more controls, else an explicit
// matrix (constant angles, at most 10 qubits in all).
func controlled(op Op, controls []int) (Op, error) {
	if len(controls) == 0 {
		return op, nil
	}
	qubits := append(append([]int(nil), controls...), op.Qubits...)
	if op.Gate != nil && op.Gate.Name == "u2" { // u2(φ, λ) = u3(π/2, φ, λ)
		op.Gate, _ = Lookup("u3")
		op.Params = []Param{Const(math.Pi / 2), op.Params[0], op.Params[1]}
	}
	if op.Gate != nil {
		if f, ok := familyOf[op.Gate.Name]; ok {
			fam := controlledFamilies[f.base]
			if n := f.controls + len(controls); n < len(fam) && fam[n] != "" {
				g, _ := Lookup(fam[n])
				return Op{Kind: GateOp, Gate: g, Qubits: qubits, Params: op.Params}, nil
			}
		}
		for _, p := range op.Params {
			if !p.IsConst() {
				return Op{}, fmt.Errorf("ctrl(%d) @ %s has no registered gate, and an explicit matrix needs constant angles, not %s", len(controls), op.Gate.Name, p)
			}
		}
	}
	if len(qubits) > 10 {
		return Op{}, fmt.Errorf("ctrl(%d) @ %s has no registered gate, and an explicit matrix on %d qubits is more than 10", len(controls), op.Name(), len(qubits))
	}
	m := op.Matrix(Binding{})
	return Op{Kind: GateOp, Qubits: qubits, Unitary: embedControlled(m, len(controls), len(op.Qubits), true)}, nil
}

// gphaseDef is OpenQASM 3's built-in gphase(γ): the global phase e^{iγ}. On
// its own it changes no state and is dropped; under controls it is the
// phase gate on them.
var gphaseDef = &gateDef{name: "gphase", origin: builtinOrigin, nparams: 1, size: 1}

// controlledPhase emits e^{iγ} on the subspace where every control is 1:
// nothing without controls (a global phase), p(γ) on one control, cp(γ) on
// two, an explicit diagonal matrix on more.
func controlledPhase(gamma Param, controls []int, emit func(Op) error) error {
	if len(controls) == 0 {
		return nil
	}
	if !finite(gamma) {
		return fmt.Errorf("gphase: the phase is not a finite number")
	}
	p, _ := Lookup("p")
	n := len(controls)
	op, err := controlled(Op{Kind: GateOp, Gate: p, Qubits: controls[n-1:], Params: []Param{gamma}}, controls[:n-1])
	if err != nil {
		return fmt.Errorf("gphase: %w", err)
	}
	return emit(op)
}

// inBody are the keywords that may start a statement in a gate body.
var inBody = map[string]bool{"U": true, "CX": true, "barrier": true, "gphase": true}
