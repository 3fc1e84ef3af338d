package classical

import (
	"fmt"
	"math/rand/v2"
)

// sweeper advances a lattice by one sweep of its algorithm: N Metropolis
// proposals, or a fixed number of Wolff clusters that flips about N spins
// on average. The cluster count is calibrated during thermalisation and
// then held fixed, because stopping after a trajectory-dependent number of
// clusters ("until N spins have flipped") would select configurations by
// their last cluster and bias the averages.
type sweeper struct {
	wolff    bool
	clusters int
}

// newSweeper returns the sweeper of algorithm ("" means Wolff) for
// couplings j and h.
func newSweeper(algorithm string, j, h float64) (*sweeper, error) {
	switch algorithm {
	case MetropolisUpdate:
		return &sweeper{}, nil
	case WolffUpdate, "":
		if j <= 0 || h != 0 {
			return nil, ErrWolffField
		}
		return &sweeper{wolff: true}, nil
	}
	return nil, fmt.Errorf("classical: Ising algorithm %q, want %q or %q", algorithm, MetropolisUpdate, WolffUpdate)
}

// thermalize runs sweeps sweeps at β and, for Wolff, sets the number of
// clusters per sweep to N over the mean cluster size seen (at least 1).
func (s *sweeper) thermalize(m *Ising, beta float64, sweeps int, rng *rand.Rand) error {
	if !s.wolff {
		for range sweeps {
			if _, err := m.Metropolis(beta, rng); err != nil {
				return err
			}
		}
		return nil
	}
	// At least a few hundred clusters, so the mean size is measured.
	flipped, clusters, n := 0, 0, m.N()
	for flipped < sweeps*n || clusters < 200 {
		size, err := m.Wolff(beta, rng)
		if err != nil {
			return err
		}
		flipped += size
		clusters++
	}
	s.clusters = max(1, (n*clusters+flipped/2)/flipped)
	return nil
}

// sweep performs one sweep at β.
func (s *sweeper) sweep(m *Ising, beta float64, rng *rand.Rand) error {
	if !s.wolff {
		_, err := m.Metropolis(beta, rng)
		return err
	}
	for range s.clusters {
		if _, err := m.Wolff(beta, rng); err != nil {
			return err
		}
	}
	return nil
}
