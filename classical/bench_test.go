package classical

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkWolffSweep times one sweep-equivalent of Wolff clusters on a
// 32×32 lattice at T_c (about N spins flipped).
func BenchmarkWolffSweep(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	m, _ := NewIsing(32, 1, 0)
	sw, _ := newSweeper(WolffUpdate, 1, 0)
	beta := 1 / CriticalTemperature
	if err := sw.thermalize(m, beta, 50, rng); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := sw.sweep(m, beta, rng); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMetropolisSweep times one Metropolis sweep of a 32×32 lattice.
func BenchmarkMetropolisSweep(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	m, _ := NewIsing(32, 1, 0)
	for b.Loop() {
		if _, err := m.Metropolis(1/CriticalTemperature, rng); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExactLogZ times the exact partition function of a 16×20 RBM
// (2^16 visible states).
func BenchmarkExactLogZ(b *testing.B) {
	r := randomRBM(b, 16, 20, false, 0.5, 1)
	for b.Loop() {
		if _, err := r.ExactLogZ(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMPSClassifierSweep times one full DMRG sweep of the bond-10
// classifier over the 1347 training digits (64 sites).
func BenchmarkMPSClassifierSweep(b *testing.B) {
	train, _ := digitsSplit(b)
	m, err := NewMPSClassifier(64, 10, MPSConfig{Bond: 10}, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := m.Train(train, SweepConfig{Sweeps: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBornSweep times one full sweep of the Born machine on 4×4 bars
// and stripes.
func BenchmarkBornSweep(b *testing.B) {
	d := basData(b, 4)
	bm, _ := NewBornMachine(16, 2, 16, 1e-9, rand.New(rand.NewPCG(1, 1)))
	for b.Loop() {
		if _, err := bm.Train(d, BornTraining{Sweeps: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
