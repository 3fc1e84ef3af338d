// Package dataset holds the data every qml trainer consumes: embedded real
// datasets (iris, wine, breast cancer, 8×8 digits), synthetic generators
// (moons, the data re-uploading circle, concentric circles, XOR, n-bit parity,
// bars and stripes, linearly separable points), a fast CSV loader (plain or
// gzip), and the transforms trainers need: stratified splits, standardisation,
// min-max scaling to an angle range, PCA, one-hot labels, feature selection,
// shuffling, mini-batch iteration and a SHA-256 checksum of the data.
//
// # Layout
//
// A Dataset stores features row-major as [][]float64: X[i] is sample i, so a
// trainer iterates samples with `for i, x := range d.X`. Rows built by this
// package are slices of large contiguous blocks (one block for generated and
// transformed data, a few for a big CSV file), which keeps a pass over the
// data cache-friendly; Dataset.Dense copies them into a gonum matrix. Class
// labels are integers 0..NumClasses-1 in Y; regression targets live in
// Targets; a dataset may have neither (unsupervised data, e.g. for a Born
// machine).
//
// # Conventions
//
// Every random choice takes an explicit *rand.Rand from math/rand/v2, so the
// same seed gives the same numbers. Functions return errors on bad input and
// never panic or print. Transforms return new datasets and leave their input
// untouched, except Dataset.Shuffle, which permutes in place. Fitted
// transforms (Scaler, MinMaxScaler, PCA) are fitted on training data and then
// applied unchanged to test data, so no test statistics leak into training.
//
// Bit-valued features (Parity) follow the project's qubit order: feature j is
// bit j of the sample index, bit 0 the least significant.
package dataset
