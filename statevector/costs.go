package statevector

// kernelCosts is the cost model that gate fusion consults: the time one
// core spends per amplitude of the register on each kind of kernel, for a
// state in cache. The numbers are nanoseconds measured with
// BenchmarkKernelCosts (best batch, so that a shared machine disturbs them
// less) on the project's 2-core AMD EPYC (Zen 5) machines; only their
// ratios matter.
type kernelCosts struct {
	dense1, dense1Real float64
	dense1RX           float64                // real diagonal, imaginary off-diagonal (rx)
	dense              [MaxFusion + 1]float64 // dense[k]: a k-qubit matrix, k ≥ 2
	diag               float64                // per amplitude multiplied by a phase
	negate             float64                // per amplitude whose sign flips
	perm               float64                // per amplitude moved
	// pass is one read and write of an amplitude from memory on one core
	// (two cores share the bandwidth): what a separate gate costs at least
	// when it runs alone over a state larger than the caches.
	pass float64
}

// scalarCosts are the portable kernels' costs (complex128).
var scalarCosts = kernelCosts{
	dense1: 1.2, dense1Real: 0.57, dense1RX: 1.2,
	dense: [MaxFusion + 1]float64{2: 4.5, 3: 8.8, 4: 16, 5: 28},
	diag:  0.67, negate: 0.22, perm: 0.48, pass: 0.75,
}

// simdCosts are the AVX-512 kernels' costs (complex128). The one-qubit
// loops are short; the dense ones on three or more qubits keep more
// values live than the compiler holds in vector registers (it spills
// beyond about sixteen), so they cost several times their arithmetic:
// fusion pays mostly where it saves passes over memory.
var simdCosts = kernelCosts{
	dense1: 0.23, dense1Real: 0.19, dense1RX: 0.19,
	dense: [MaxFusion + 1]float64{2: 0.58, 3: 2.7, 4: 5.2, 5: 9.4},
	diag:  0.2, negate: 0.17, perm: 0.19, pass: 0.75,
}

// costModel returns the costs of the kernels this process runs.
func costModel() *kernelCosts {
	if simdEnabled {
		return &simdCosts
	}
	return &scalarCosts
}

// of returns the estimated cost of kernel k per amplitude of the register.
func (c *kernelCosts) of(k *kernel) float64 {
	frac := 1 / float64(int(1)<<k.npos) // the share of the register one base covers
	switch k.kind {
	case kindDense1:
		switch {
		case k.isReal:
			return c.dense1Real * 2 * frac
		case k.isRX:
			return c.dense1RX * 2 * frac
		}
		return c.dense1 * 2 * frac
	case kindDense2:
		return c.dense[2] * 4 * frac
	case kindDenseK:
		return c.fused(bitsOf(len(k.offs)), false) * float64(len(k.offs)) * frac
	case kindDiag:
		cost := 0.0
		for _, d := range k.d[:k.nd] {
			if d == -1 {
				cost += c.negate
			} else {
				cost += c.diag
			}
		}
		return cost * frac
	case kindPerm:
		return c.perm * float64(2*k.nd) * frac
	}
	return 0
}

// fused returns the cost per amplitude of a product on k qubits, diagonal
// or dense.
func (c *kernelCosts) fused(k int, diag bool) float64 {
	switch {
	case diag:
		return c.diag
	case k <= 1:
		return c.dense1
	case k > MaxFusion:
		return c.dense[MaxFusion] * float64(int(1)<<(k-MaxFusion))
	}
	return c.dense[k]
}

// bitsOf returns log2 of a power of two.
func bitsOf(d int) int {
	k := 0
	for 1<<k < d {
		k++
	}
	return k
}
