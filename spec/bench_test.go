package spec

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

func BenchmarkParse(b *testing.B) {
	data := []byte(base)
	for b.Loop() {
		if _, err := Parse("t.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGroundEnergy diagonalises transverse-field Ising chains, real
// (X fields) and complex (Y fields, through the doubled embedding).
func BenchmarkGroundEnergy(b *testing.B) {
	for _, field := range []string{"X", "Y"} {
		for _, n := range []int{4, 8, 10} {
			if field == "Y" && n == 10 {
				continue // 2^11-dimensional embedding: about 9 s
			}
			var terms []string
			for q := 0; q < n; q++ {
				terms = append(terms, fmt.Sprintf("0.7*%s%d", field, q))
				if q+1 < n {
					terms = append(terms, fmt.Sprintf("Z%d*Z%d", q, q+1))
				}
			}
			h, err := circuit.ParseObservable(strings.Join(terms, " + "))
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/n=%d", field, n), func(b *testing.B) {
				for b.Loop() {
					if _, err := GroundEnergy(h, n); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
