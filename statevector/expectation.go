package statevector

import (
	"fmt"
	"math/bits"

	"github.com/qmlgo/qml/circuit"
)

// pauliString is one Pauli term in bit-mask form. A Pauli string P maps a
// basis state to another with a phase,
//
//	P|i⟩ = i^{#Y} · (−1)^{popcount(i & sign)} · |i ⊕ flip⟩,
//
// with flip the qubits carrying X or Y and sign those carrying Y or Z (from
// X|b⟩ = |b⊕1⟩, Y|b⟩ = i(−1)^b|b⊕1⟩, Z|b⟩ = (−1)^b|b⟩). Hence
//
//	⟨ψ|P|ψ⟩ = i^{#Y} Σ_i (−1)^{popcount(i & sign)} conj(a[i⊕flip]) a[i],
//
// one pass over the amplitudes and no copy of the state.
type pauliString struct {
	flip, sign int
	ny         int // number of Y factors
	coef       float64
	obs        int // which observable the term belongs to
}

// Expectation returns ⟨ψ|O|ψ⟩ for the observable o, a real-weighted sum of
// Pauli strings, without copying the state. It is ⟨ψ|O|ψ⟩ as written, not
// divided by ⟨ψ|ψ⟩: identity terms contribute their coefficient times
// Σ|a_i|², which is the coefficient for a normalised state.
func (s *State) Expectation(o circuit.Observable) (float64, error) {
	v, err := s.Expectations([]circuit.Observable{o})
	if err != nil {
		return 0, err
	}
	return v[0], nil
}

// Expectations returns ⟨ψ|O_k|ψ⟩ for every observable. Terms of all the
// observables that flip the same qubits share one pass over the state, so
// any number of diagonal (Z-only) terms cost a single pass. On registers
// of ten or more qubits, a group of qubit-wise commuting terms that flip
// qubits in four or more ways is measured in one basis change instead (a
// copy of the state, rotated so that every term of the group is diagonal,
// then one pass), when a second state fits in MaxMemory.
func (s *State) Expectations(obs []circuit.Observable) ([]float64, error) {
	var terms []pauliString
	for k, o := range obs {
		if err := o.Validate(s.n); err != nil {
			return nil, fmt.Errorf("statevector: observable %d: %w", k, err)
		}
		for _, t := range o.Terms {
			terms = append(terms, compilePauli(t, k))
		}
	}
	out := make([]float64, len(obs))
	if s.n >= rotateQubits && 2*(s.Precision().bytes()<<s.n) <= MaxMemory() {
		terms = s.rotatedGroups(terms, out)
	}
	for len(terms) > 0 {
		// Move the terms with the same flip mask as the first to the front.
		group := 1
		for j := 1; j < len(terms); j++ {
			if terms[j].flip == terms[0].flip {
				terms[group], terms[j] = terms[j], terms[group]
				group++
			}
		}
		sums := s.pauliSums(terms[:group])
		for j, t := range terms[:group] {
			out[t.obs] += t.coef * real(iPower(t.ny)*sums[j])
		}
		terms = terms[group:]
	}
	return out, nil
}

// qwcMinFlips is the number of distinct flip masks from which a group of
// qubit-wise commuting terms is cheaper to measure with a basis change
// (copy, rotation, diagonal pass: about three passes) than one pass per
// flip mask.
const qwcMinFlips = 4

// rotateQubits is the register size from which Expectations measures
// large commuting groups in a rotated basis: below it a pass costs less
// than copying and rotating.
const rotateQubits = 10

// rotatedGroups adds to out the terms that belong to large groups of
// qubit-wise commuting terms, each group measured in its own basis, and
// returns the other terms.
//
// Terms commute qubit-wise when on every qubit they act on both, they act
// with the same Pauli. A group then shares one basis in which all its
// terms are diagonal: H maps X to Z and H·S† maps Y to Z, so with
// |ψ'⟩ = U|ψ⟩, ⟨ψ|P|ψ⟩ = ⟨ψ'|Z_supp(P)|ψ'⟩ (Gokhale et al.,
// arXiv:1907.13623, measure each qubit-wise commuting family once).
func (s *State) rotatedGroups(terms []pauliString, out []float64) []pauliString {
	type group struct {
		flip, sign int // the group's Pauli on each qubit of its support
		members    []pauliString
	}
	var groups []group
	var rest []pauliString
	for _, t := range terms {
		if t.flip == 0 {
			rest = append(rest, t)
			continue
		}
		joined := false
		for g := range groups {
			gr := &groups[g]
			common := (gr.flip | gr.sign) & (t.flip | t.sign)
			if ((gr.flip^t.flip)|(gr.sign^t.sign))&common == 0 {
				gr.flip, gr.sign = gr.flip|t.flip, gr.sign|t.sign
				gr.members = append(gr.members, t)
				joined = true
				break
			}
		}
		if !joined {
			groups = append(groups, group{flip: t.flip, sign: t.sign, members: []pauliString{t}})
		}
	}
	var rotated *State
	h, _ := circuit.Lookup("h")
	sdg, _ := circuit.Lookup("sdg")
	for _, gr := range groups {
		flips := map[int]bool{}
		for _, t := range gr.members {
			flips[t.flip] = true
		}
		if len(flips) < qwcMinFlips {
			rest = append(rest, gr.members...)
			continue
		}
		if rotated == nil {
			rotated = s.Copy()
		} else {
			_ = rotated.CopyFrom(s) // a copy of s: same size and precision
		}
		var ops []circuit.Op
		for m := gr.flip; m != 0; m &= m - 1 {
			q := bits.TrailingZeros(uint(m))
			if gr.sign>>q&1 == 1 { // Y
				ops = append(ops, circuit.Op{Kind: circuit.GateOp, Gate: sdg, Qubits: []int{q}})
			}
			ops = append(ops, circuit.Op{Kind: circuit.GateOp, Gate: h, Qubits: []int{q}})
		}
		rotated.runGates(ops, circuit.Binding{}, Options{Precision: s.Precision()})
		diag := make([]pauliString, len(gr.members))
		for j, t := range gr.members {
			diag[j] = pauliString{sign: t.flip | t.sign, coef: t.coef, obs: t.obs}
		}
		for j, v := range rotated.pauliSums(diag) {
			out[diag[j].obs] += diag[j].coef * real(v)
		}
	}
	return rest
}

// compilePauli turns a validated term into its masks.
func compilePauli(t circuit.PauliTerm, obs int) pauliString {
	p := pauliString{coef: t.Coef, obs: obs}
	for _, op := range t.Ops {
		bit := 1 << op.Qubit
		switch op.P {
		case 'X':
			p.flip |= bit
		case 'Y':
			p.flip |= bit
			p.sign |= bit
			p.ny++
		case 'Z':
			p.sign |= bit
		}
	}
	return p
}

// iPower returns i^k.
func iPower(k int) complex128 {
	return [4]complex128{1, 1i, -1, -1i}[k&3]
}

// pauliSums returns, for terms sharing one flip mask, the sums
// Σ_i (−1)^{popcount(i & sign)} conj(a[i⊕flip]) a[i], split over goroutines
// on large states.
func (s *State) pauliSums(terms []pauliString) []complex128 {
	if s.single {
		return pauliSums(floatView32(s.amp64), terms)
	}
	return pauliSums(floatView(s.amp), terms)
}

// pauliSums is State.pauliSums on interleaved amplitudes.
func pauliSums[F float](a []F, terms []pauliString) []complex128 {
	nt, size := len(terms), len(a)/2
	p := workers(size, size)
	part := make([]complex128, p*nt)
	if p == 1 {
		pauliSumRange(a, terms, 0, size, part)
		return part
	}
	parallelFor(p, size, func(w, lo, hi int) { pauliSumRange(a, terms, lo, hi, part[w*nt:(w+1)*nt]) })
	for w := 1; w < p; w++ {
		for j := range nt {
			part[j] += part[w*nt+j]
		}
	}
	return part[:nt]
}

// pauliSumRange adds the contributions of indices [lo, hi) to acc, in
// float64 whatever the precision of a.
func pauliSumRange[F float](a []F, terms []pauliString, lo, hi int, acc []complex128) {
	if flip := terms[0].flip; flip != 0 {
		for i := lo; i < hi; i++ {
			xr, xi := float64(a[2*(i^flip)]), -float64(a[2*(i^flip)+1])
			yr, yi := float64(a[2*i]), float64(a[2*i+1])
			z := complex(xr*yr-xi*yi, xr*yi+xi*yr)
			for j := range terms {
				if bits.OnesCount(uint(i&terms[j].sign))&1 == 0 {
					acc[j] += z
				} else {
					acc[j] -= z
				}
			}
		}
		return
	}
	// Diagonal terms: real weights |a_i|², accumulated in float64.
	racc := make([]float64, len(terms))
	for i := lo; i < hi; i++ {
		re, im := float64(a[2*i]), float64(a[2*i+1])
		w := re*re + im*im
		for j := range terms {
			if bits.OnesCount(uint(i&terms[j].sign))&1 == 0 {
				racc[j] += w
			} else {
				racc[j] -= w
			}
		}
	}
	for j, v := range racc {
		acc[j] += complex(v, 0)
	}
}
