package control

import (
	"fmt"
)

// IsingChain builds the transverse/longitudinal-field Ising chain of n spins
// as a control problem,
//
//	H(t) = Σ_j h^x_j(t)·X_j + Σ_j h^z_j(t)·Z_j + Σ_⟨ij⟩ J_ij(t)·Z_i Z_j,
//
// every field strength and coupling a control channel whose pulses the
// caller attaches (a Constant pulse for a static term, any shape for a
// ramp): the lecture's Ising Hamiltonian −J Σ Z_iZ_{i+1} − h Σ X_i with
// h and J themselves the trainable physics. With Uniform, one channel per
// kind drives all sites ("hx", "hz", "J"); otherwise each site and bond has
// its own ("hx0", …, "hz0", …, "J0-1", …). Bonds join neighbours, and the
// last spin to the first when Periodic.
type IsingChain struct {
	N            int
	Periodic     bool
	Transverse   bool // X fields
	Longitudinal bool // Z fields
	Couplings    bool // ZZ couplings
	Uniform      bool
}

// Build returns the system with zero drift and the chain's channels.
func (c IsingChain) Build() (*System, error) {
	if c.N < 1 || (c.Periodic && c.N < 3) {
		return nil, fmt.Errorf("control: Ising chain of %d spins (periodic %v): want ≥ 1, or ≥ 3 when periodic", c.N, c.Periodic)
	}
	sys, err := PauliSystem(c.N, "0")
	if err != nil {
		return nil, err
	}
	var bonds [][2]int
	for i := 0; i+1 < c.N; i++ {
		bonds = append(bonds, [2]int{i, i + 1})
	}
	if c.Periodic {
		bonds = append(bonds, [2]int{c.N - 1, 0})
	}
	add := func(name string, terms []string) error {
		s := ""
		for _, t := range terms {
			s += " + " + t
		}
		op, err := pauliOperator(s[3:], sys.Levels)
		if err != nil {
			return err
		}
		sys.Channels = append(sys.Channels, &Channel{Name: name, Kind: Real, Op: op})
		return nil
	}
	group := func(prefix string, on bool, terms []string, names []string) error {
		if !on || len(terms) == 0 {
			return nil
		}
		if c.Uniform {
			return add(prefix, terms)
		}
		for i, t := range terms {
			if err := add(prefix+names[i], []string{t}); err != nil {
				return err
			}
		}
		return nil
	}
	var xs, zs, sites, zz, bondNames []string
	for j := range c.N {
		xs = append(xs, fmt.Sprintf("X%d", j))
		zs = append(zs, fmt.Sprintf("Z%d", j))
		sites = append(sites, fmt.Sprint(j))
	}
	for _, b := range bonds {
		zz = append(zz, fmt.Sprintf("Z%d*Z%d", b[0], b[1]))
		bondNames = append(bondNames, fmt.Sprintf("%d-%d", b[0], b[1]))
	}
	if err := group("hx", c.Transverse, xs, sites); err != nil {
		return nil, err
	}
	if err := group("hz", c.Longitudinal, zs, sites); err != nil {
		return nil, err
	}
	if err := group("J", c.Couplings, zz, bondNames); err != nil {
		return nil, err
	}
	return sys, nil
}
