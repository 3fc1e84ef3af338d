package classical

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// CriticalTemperature is the exact critical temperature of the 2-D
// square-lattice Ising model with J = 1 and k_B = 1, T_c = 2/ln(1 + √2)
// (Onsager, Phys. Rev. 65, 117 (1944)); for coupling J it is J·T_c.
var CriticalTemperature = 2 / math.Log(1+math.Sqrt2)

// MaxIsingSide bounds the lattice side so that a configuration and the
// cluster stack stay small; 1024² spins is already a long simulation.
const MaxIsingSide = 1024

// Ising is the 2-D square-lattice Ising model with periodic boundaries,
//
//	E(s) = −J Σ_⟨ij⟩ s_i s_j − h Σ_i s_i,   s_i ∈ {−1, +1},
//
// the sum running over the 2N nearest-neighbour bonds of the N = L² sites.
// Spins[r*L+c] is the spin at row r, column c. J > 0 is ferromagnetic.
// Temperatures are in units of J/k_B when J = 1.
type Ising struct {
	// L is the side of the lattice.
	L int
	// J is the nearest-neighbour coupling, h the external field.
	J, H float64
	// Spins holds ±1 per site, row-major.
	Spins []int8

	// nbr holds the four neighbours of each site: right, left, down, up.
	nbr [][4]int32
	// stack is the Wolff cluster's frontier, kept between updates.
	stack []int32
	// table caches Metropolis acceptance probabilities for one β.
	table metropolisTable
}

// NewIsing returns an L×L lattice with every spin up (the ground state for
// J > 0, h ≥ 0). It returns an error for L < 2 or above MaxIsingSide or a
// non-finite J or h.
func NewIsing(l int, j, h float64) (*Ising, error) {
	if l < 2 || l > MaxIsingSide {
		return nil, fmt.Errorf("classical: Ising lattice side %d, want 2 to %d", l, MaxIsingSide)
	}
	if math.IsNaN(j) || math.IsInf(j, 0) || math.IsNaN(h) || math.IsInf(h, 0) {
		return nil, fmt.Errorf("classical: Ising couplings J = %v, h = %v, want finite numbers", j, h)
	}
	n := l * l
	m := &Ising{L: l, J: j, H: h, Spins: make([]int8, n), nbr: make([][4]int32, n)}
	for r := range l {
		for c := range l {
			m.nbr[r*l+c] = [4]int32{
				int32(r*l + (c+1)%l), int32(r*l + (c+l-1)%l),
				int32(((r+1)%l)*l + c), int32(((r+l-1)%l)*l + c),
			}
		}
	}
	for i := range m.Spins {
		m.Spins[i] = 1
	}
	return m, nil
}

// N returns the number of sites, L².
func (m *Ising) N() int { return len(m.Spins) }

// Randomize draws every spin independently and uniformly (infinite
// temperature).
func (m *Ising) Randomize(rng *rand.Rand) {
	for i := range m.Spins {
		m.Spins[i] = int8(2*rng.IntN(2) - 1)
	}
}

// Energy returns the total energy E(s), counting each bond once.
func (m *Ising) Energy() float64 {
	bonds, sum := 0, 0
	for i, s := range m.Spins {
		// The right and down neighbours visit every bond once.
		bonds += int(s) * int(m.Spins[m.nbr[i][0]]+m.Spins[m.nbr[i][2]])
		sum += int(s)
	}
	return -m.J*float64(bonds) - m.H*float64(sum)
}

// Magnetization returns the magnetisation per spin, Σ s_i / N.
func (m *Ising) Magnetization() float64 {
	sum := 0
	for _, s := range m.Spins {
		sum += int(s)
	}
	return float64(sum) / float64(len(m.Spins))
}

// metropolisTable holds exp(−β ΔE) for every local move: a spin s with
// neighbour sum k ∈ {−4, −2, 0, 2, 4} costs ΔE = 2s(Jk + h) to flip.
type metropolisTable struct {
	beta float64
	ok   bool
	p    [2][5]float64 // [s==+1][(k+4)/2]
}

func (t *metropolisTable) set(beta, j, h float64) {
	if t.ok && t.beta == beta {
		return
	}
	for si, s := range []float64{-1, 1} {
		for ki := range 5 {
			k := float64(2*ki - 4)
			t.p[si][ki] = math.Exp(-beta * 2 * s * (j*k + h))
		}
	}
	t.beta, t.ok = beta, true
}

// Metropolis performs one sweep of single-spin Metropolis updates at
// inverse temperature β (Metropolis et al., J. Chem. Phys. 21, 1087
// (1953)): N proposals at uniformly random sites, each flip accepted with
// probability min(1, e^{−βΔE}). It returns the number of accepted flips,
// or an error for a negative or non-finite β.
func (m *Ising) Metropolis(beta float64, rng *rand.Rand) (int, error) {
	if err := checkBeta(beta); err != nil {
		return 0, err
	}
	m.table.set(beta, m.J, m.H)
	n, accepted := len(m.Spins), 0
	for range n {
		i := rng.IntN(n)
		nb := &m.nbr[i]
		k := m.Spins[nb[0]] + m.Spins[nb[1]] + m.Spins[nb[2]] + m.Spins[nb[3]]
		s := m.Spins[i]
		p := m.table.p[(s+1)/2][(k+4)/2]
		if p >= 1 || rng.Float64() < p {
			m.Spins[i] = -s
			accepted++
		}
	}
	return accepted, nil
}

// ErrWolffField is returned by Wolff for a lattice with h ≠ 0 or J ≤ 0: the
// single-cluster algorithm as implemented is exact only for a
// ferromagnet in zero field.
var ErrWolffField = errors.New("classical: Wolff updates need J > 0 and h = 0")

// Wolff grows one cluster from a uniformly random seed site and flips it
// (Wolff, Phys. Rev. Lett. 62, 361 (1989)): a neighbour with the cluster's
// spin joins with probability p = 1 − e^{−2βJ}. It returns the cluster
// size. Near T_c clusters are large and successive configurations nearly
// independent, where Metropolis suffers critical slowing down.
func (m *Ising) Wolff(beta float64, rng *rand.Rand) (int, error) {
	if err := checkBeta(beta); err != nil {
		return 0, err
	}
	if m.J <= 0 || m.H != 0 {
		return 0, ErrWolffField
	}
	pAdd := -math.Expm1(-2 * beta * m.J)
	seed := rng.IntN(len(m.Spins))
	s := m.Spins[seed]
	m.Spins[seed] = -s
	stack := append(m.stack[:0], int32(seed))
	size := 1
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, j := range m.nbr[i] {
			// A site joins at most once: it is flipped when it joins.
			if m.Spins[j] == s && rng.Float64() < pAdd {
				m.Spins[j] = -s
				stack = append(stack, j)
				size++
			}
		}
	}
	m.stack = stack
	return size, nil
}

func checkBeta(beta float64) error {
	if !(beta >= 0) || math.IsInf(beta, 0) {
		return fmt.Errorf("classical: inverse temperature β = %v, want a finite β ≥ 0", beta)
	}
	return nil
}
