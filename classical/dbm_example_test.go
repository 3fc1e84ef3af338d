package classical

import (
	"fmt"
	"math/rand/v2"
)

func ExampleDBM_ExactLogZ() {
	d, _ := NewDBM([]int{4, 3, 2}, rand.New(rand.NewPCG(1, 1)))
	clear(d.Theta) // no weights or biases: all 2^9 states equally likely
	logZ, _ := d.ExactLogZ()
	fmt.Printf("log Z = %.4f (9 ln 2)\n", logZ)
	// Output: log Z = 6.2383 (9 ln 2)
}
