package vqc

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/circuit"
)

// Encoder writes classical features into a circuit. One encoding block
// reads a contiguous run of circuit inputs x[offset], x[offset+1], …; the
// encoder also says how raw features become those inputs, so that nonlinear
// feature maps (the ZZ map's products, amplitude encoding's angles) stay
// affine inside the circuit and differentiable with respect to the inputs.
type Encoder interface {
	// BlockInputs is how many circuit inputs one block reads for the given
	// number of features on the given number of qubits.
	BlockInputs(features, qubits int) int
	// AppendBlock adds one encoding block on qubits 0…qubits−1 that reads
	// inputs from offset on.
	AppendBlock(c *circuit.Circuit, features, offset int) error
	// Inputs writes the circuit inputs of one block for the feature vector x
	// into dst (len(dst) == BlockInputs(len(x), qubits)).
	Inputs(dst, x []float64) error
}

// AngleEncoder puts feature j on qubit j as a rotation R(Scale·x_j)
// (Schuld & Petruccione's "angle encoding"). With Rotation "rz" each qubit
// first gets a Hadamard, since rz alone only changes phases of |0⟩.
//
// More features than qubits wrap around ("dense" angle encoding, as in the
// single-qubit classifier of Pérez-Salinas et al.): feature j acts on qubit
// j mod n, the first pass with Rotation, the second with rz (the azimuth
// after a polar rotation, so two features reach the whole Bloch sphere) and
// the third with the remaining axis; rz first is followed by rx, then ry. At
// most 3n features.
type AngleEncoder struct {
	Rotation string  // "rx", "ry" or "rz"
	Scale    float64 // angle per unit feature; 0 means 1
}

func (a AngleEncoder) scale() float64 {
	if a.Scale == 0 {
		return 1
	}
	return a.Scale
}

// axes is the rotation of each pass over the qubits.
func (a AngleEncoder) axes() []string {
	switch a.Rotation {
	case "rx":
		return []string{"rx", "rz", "ry"}
	case "ry":
		return []string{"ry", "rz", "rx"}
	case "rz":
		return []string{"rz", "rx", "ry"}
	}
	return nil
}

// BlockInputs implements Encoder.
func (a AngleEncoder) BlockInputs(features, _ int) int { return features }

// AppendBlock implements Encoder.
func (a AngleEncoder) AppendBlock(c *circuit.Circuit, features, offset int) error {
	axes := a.axes()
	if axes == nil {
		return fmt.Errorf("angle encoding rotation %q: want rx, ry or rz", a.Rotation)
	}
	n := c.NumQubits
	if features > 3*n {
		return fmt.Errorf("angle encoding puts at most 3 features on a qubit: %d features need %d qubits, have %d",
			features, (features+2)/3, n)
	}
	for j := 0; j < features; j++ {
		q, pass := j%n, j/n
		if pass == 0 && a.Rotation == "rz" {
			c.H(q)
		}
		c.Gate(axes[pass], []int{q}, circuit.Input(offset+j).Scale(a.scale()))
	}
	return c.Err()
}

// Inputs implements Encoder: the features themselves.
func (a AngleEncoder) Inputs(dst, x []float64) error {
	copy(dst, x)
	return nil
}

// IQPEncoder is the second-order Pauli-Z evolution feature map of Havlíček
// et al., Nature 567, 209 (2019) (Qiskit's ZZFeatureMap): per repetition,
// H on every qubit, P(2x_i) on qubit i, and for each entangled pair (i, j)
// CX(i,j)·P(2(π−x_i)(π−x_j)) on j·CX(i,j). The products are computed
// classically and enter the circuit as extra inputs.
type IQPEncoder struct {
	Reps int // repetitions; 0 means 2, Qiskit's default
	// Entanglement is "linear" (pairs i, i+1) or "full" (all pairs; the default).
	Entanglement string
}

func (q IQPEncoder) reps() int {
	if q.Reps == 0 {
		return 2
	}
	return q.Reps
}

func (q IQPEncoder) pairs(n int) [][2]int {
	var p [][2]int
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if q.Entanglement == "linear" && j != i+1 {
				continue
			}
			p = append(p, [2]int{i, j})
		}
	}
	return p
}

// BlockInputs implements Encoder: the features and one product per pair.
func (q IQPEncoder) BlockInputs(features, _ int) int { return features + len(q.pairs(features)) }

// AppendBlock implements Encoder.
func (q IQPEncoder) AppendBlock(c *circuit.Circuit, features, offset int) error {
	if features > c.NumQubits {
		return fmt.Errorf("IQP encoding of %d features needs %d qubits, have %d", features, features, c.NumQubits)
	}
	switch q.Entanglement {
	case "", "full", "linear":
	default:
		return fmt.Errorf("IQP entanglement %q: want linear or full", q.Entanglement)
	}
	pairs := q.pairs(features)
	for r := 0; r < q.reps(); r++ {
		for i := 0; i < features; i++ {
			c.H(i).P(i, circuit.Input(offset+i).Scale(2))
		}
		for k, p := range pairs {
			c.CX(p[0], p[1]).P(p[1], circuit.Input(offset+features+k).Scale(2)).CX(p[0], p[1])
		}
	}
	return c.Err()
}

// Inputs implements Encoder.
func (q IQPEncoder) Inputs(dst, x []float64) error {
	copy(dst, x)
	for k, p := range q.pairs(len(x)) {
		dst[len(x)+k] = (math.Pi - x[p[0]]) * (math.Pi - x[p[1]])
	}
	return nil
}

// AmplitudeEncoder prepares the normalised, zero-padded feature vector as the
// amplitudes of the state: |ψ⟩ = Σ_i x_i/‖x‖ |i⟩ (index i with qubit 0 least
// significant). It uses the uniformly controlled RY cascade of Möttönen et
// al., Quantum Inf. Comput. 5, 467 (2005), for real amplitudes: qubit n−1
// splits the norm between the two halves, each lower qubit splits further
// under the control of the ones above, and the last level's signed angles
// (atan2 of the pair) give the signs. Each uniformly controlled rotation is
// compiled into RY and CX gates with Gray-code ordered angles, which are a
// linear transform of the tree angles and enter the circuit as inputs.
type AmplitudeEncoder struct{}

// BlockInputs implements Encoder: 2^n − 1 rotation angles.
func (AmplitudeEncoder) BlockInputs(_, qubits int) int { return 1<<qubits - 1 }

// AppendBlock implements Encoder.
func (AmplitudeEncoder) AppendBlock(c *circuit.Circuit, features, offset int) error {
	n := c.NumQubits
	if features > 1<<n {
		return fmt.Errorf("amplitude encoding of %d features needs %d qubits, have %d",
			features, int(math.Ceil(math.Log2(float64(features)))), n)
	}
	if n > 20 {
		return fmt.Errorf("amplitude encoding on %d qubits needs 2^%d gates; at most 20 qubits", n, n)
	}
	// Level k rotates qubit n−1−k under the control of qubits n−k … n−1.
	in := offset
	for k := 0; k < n; k++ {
		target := n - 1 - k
		controls := make([]int, k) // controls[m] is the qubit of control bit m
		for m := 0; m < k; m++ {
			controls[m] = target + 1 + m
		}
		appendUniformRY(c, target, controls, in)
		in += 1 << k
	}
	return c.Err()
}

// appendUniformRY adds a uniformly controlled RY on target: for each value v
// of the control bits (controls[m] is bit m of v) it rotates by the angle
// whose Gray-transformed copy is input x[first + ·]. With k controls it is
// 2^k RY and 2^k CX gates: RY(φ_0) CX(c_{g(0)}) RY(φ_1) CX(c_{g(1)}) …,
// where g(i) is the bit in which Gray codes i and i+1 differ (the last CX
// uses the top control), after Möttönen et al., eq. (3)–(5).
func appendUniformRY(c *circuit.Circuit, target int, controls []int, first int) {
	k := len(controls)
	if k == 0 {
		c.RY(target, circuit.Input(first))
		return
	}
	for i := 0; i < 1<<k; i++ {
		c.RY(target, circuit.Input(first+i))
		bit := k - 1
		if i+1 < 1<<k {
			bit = grayChangedBit(i)
		}
		c.CX(controls[bit], target)
	}
}

// grayChangedBit is the bit in which gray(i) and gray(i+1) differ: the
// number of trailing ones of i.
func grayChangedBit(i int) int {
	b := 0
	for i&1 == 1 {
		i >>= 1
		b++
	}
	return b
}

// Inputs implements Encoder: the tree angles, Gray-transformed per level.
func (AmplitudeEncoder) Inputs(dst, x []float64) error {
	size := len(dst) + 1
	n := 0
	for 1<<n < size {
		n++
	}
	if 1<<n != size || len(x) > size {
		return fmt.Errorf("amplitude encoding: %d features into %d amplitudes", len(x), size)
	}
	amp := make([]float64, size)
	copy(amp, x)
	norm := 0.0
	for _, v := range amp {
		norm += v * v
	}
	if norm == 0 || math.IsNaN(norm) || math.IsInf(norm, 0) {
		return fmt.Errorf("amplitude encoding: feature vector has norm %g", math.Sqrt(norm))
	}
	// weight[v] at level k is the squared norm of the block of amplitudes
	// whose top k qubits read v.
	out := dst[:0]
	for k := 0; k < n; k++ {
		blocks := 1 << k
		block := size / blocks
		alpha := make([]float64, blocks)
		for v := 0; v < blocks; v++ {
			// Control bit m of v is qubit target+1+m = n−k+m, i.e. bit
			// n−k+m of the index; the block with top bits v starts at
			// index (reverse order) computed below.
			base := 0
			for m := 0; m < k; m++ {
				if v>>m&1 == 1 {
					base |= 1 << (n - k + m)
				}
			}
			half := block / 2
			if k == n-1 {
				// Leaf: the two amplitudes differ in qubit 0.
				alpha[v] = 2 * math.Atan2(amp[base|1], amp[base])
				continue
			}
			lo, hi := 0.0, 0.0
			for i := 0; i < half; i++ {
				// Indices whose top k bits are v and bit n−1−k is 0/1.
				lo += amp[base|i] * amp[base|i]
				hi += amp[base|half|i] * amp[base|half|i]
			}
			alpha[v] = 2 * math.Atan2(math.Sqrt(hi), math.Sqrt(lo))
		}
		out = append(out, grayTransform(alpha)...)
	}
	return nil
}

// grayTransform solves the uniformly controlled rotation's angles:
// φ_i = 2^{−k} Σ_v (−1)^{popcount(v & gray(i))} α_v (Möttönen et al., eq. 3).
func grayTransform(alpha []float64) []float64 {
	m := len(alpha)
	phi := make([]float64, m)
	for i := 0; i < m; i++ {
		g := i ^ i>>1
		s := 0.0
		for v, a := range alpha {
			if popcount(v&g)%2 == 1 {
				s -= a
			} else {
				s += a
			}
		}
		phi[i] = s / float64(m)
	}
	return phi
}

func popcount(v int) int {
	n := 0
	for ; v != 0; v &= v - 1 {
		n++
	}
	return n
}
