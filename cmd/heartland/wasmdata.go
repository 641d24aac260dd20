package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
)

// Go's linker writes a wasm's memory image as up to 100,000 data segments,
// leaving out runs of zeros; each segment's header (an offset the
// compressor cannot predict) costs more compressed than the zeros it
// saves. joinDataSegments joins segments less than joinGap bytes apart,
// writing the zeros between them, which the memory holds anyway: the
// heartland wasm grows 1 MB but its brotli shrinks by about 120 KB (5%)
// and its gzip by 175 KB.
const joinGap = 4096

// joinDataSegments returns the wasm with its data segments joined where
// they are less than joinGap bytes apart; every other section is copied
// as it is. It reads active segments of memory 0 with a constant offset,
// the only kind Go writes, and returns an error for anything else.
func joinDataSegments(wasm []byte) ([]byte, error) {
	if len(wasm) < 8 || string(wasm[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm module")
	}
	out := append([]byte(nil), wasm[:8]...)
	for off := 8; off < len(wasm); {
		id := wasm[off]
		size, n := binary.Uvarint(wasm[off+1:])
		start := off + 1 + n
		if n <= 0 || size > uint64(len(wasm)-start) {
			return nil, fmt.Errorf("section %d at byte %d: truncated", id, off)
		}
		body := wasm[start : start+int(size)]
		switch id {
		case 11: // data
			segs, err := readDataSegments(body)
			if err != nil {
				return nil, fmt.Errorf("data section: %w", err)
			}
			out = appendSection(out, 11, appendDataSegments(nil, joinSegments(segs, joinGap)))
		case 12: // data count, which must match the data section
			return nil, errors.New("data count section: not written by Go's linker, not supported")
		default:
			out = append(out, wasm[off:start+int(size)]...)
		}
		off = start + int(size)
	}
	return out, nil
}

// dataSegment is an active data segment: bytes written at a memory offset.
type dataSegment struct {
	offset uint32
	data   []byte
}

func readDataSegments(b []byte) ([]dataSegment, error) {
	count, n := binary.Uvarint(b)
	if n <= 0 || count > uint64(len(b)) {
		return nil, errors.New("bad segment count")
	}
	b = b[n:]
	segs := make([]dataSegment, 0, count)
	for i := range count {
		// flags 0 (active, memory 0), then i32.const OFFSET end, then the bytes
		if len(b) < 2 || b[0] != 0 || b[1] != 0x41 {
			return nil, fmt.Errorf("segment %d: not an active segment with a constant offset", i)
		}
		offset, n := readSLEB128(b[2:])
		if n <= 0 || len(b) < 2+n+1 || b[2+n] != 0x0b || offset < 0 || offset > math.MaxInt32 {
			return nil, fmt.Errorf("segment %d: bad offset", i)
		}
		b = b[2+n+1:]
		size, n := binary.Uvarint(b)
		if n <= 0 || size > uint64(len(b)-n) {
			return nil, fmt.Errorf("segment %d: truncated", i)
		}
		segs = append(segs, dataSegment{uint32(offset), b[n : n+int(size)]})
		b = b[n+int(size):]
	}
	if len(b) != 0 {
		return nil, errors.New("bytes after the last segment")
	}
	return segs, nil
}

// joinSegments sorts the segments by offset and joins those less than gap
// bytes apart. Segments that overlap are left apart, in their order.
func joinSegments(segs []dataSegment, gap uint32) []dataSegment {
	sorted := slices.Clone(segs)
	slices.SortStableFunc(sorted, func(a, b dataSegment) int { return int(int64(a.offset) - int64(b.offset)) })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].offset < sorted[i-1].offset+uint32(len(sorted[i-1].data)) {
			return segs // overlapping: which wins depends on the order, so keep it
		}
	}
	var out []dataSegment
	for _, s := range sorted {
		if k := len(out) - 1; k >= 0 && s.offset-(out[k].offset+uint32(len(out[k].data))) < gap {
			last := &out[k]
			last.data = append(last.data, make([]byte, s.offset-(last.offset+uint32(len(last.data))))...)
			last.data = append(last.data, s.data...)
			continue
		}
		out = append(out, dataSegment{s.offset, slices.Clone(s.data)})
	}
	return out
}

func appendDataSegments(b []byte, segs []dataSegment) []byte {
	b = binary.AppendUvarint(b, uint64(len(segs)))
	for _, s := range segs {
		b = append(b, 0, 0x41)
		b = appendSLEB128(b, int64(s.offset))
		b = append(b, 0x0b)
		b = binary.AppendUvarint(b, uint64(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

func appendSection(b []byte, id byte, body []byte) []byte {
	b = append(b, id)
	b = binary.AppendUvarint(b, uint64(len(body)))
	return append(b, body...)
}

// readSLEB128 reads a signed LEB128 number (as i32.const holds one) and
// returns it with its length in bytes, or n = 0 if it is cut short.
func readSLEB128(b []byte) (v int64, n int) {
	var shift uint
	for n < len(b) && n < 10 {
		c := b[n]
		n++
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift // sign-extend
			}
			return v, n
		}
	}
	return 0, 0
}

func appendSLEB128(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// readJoinedWasm reads the wasm and joins its data segments; a wasm it
// cannot read that way is used as it is, with a warning.
func readJoinedWasm(path string) ([]byte, error) {
	wasm, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	joined, err := joinDataSegments(wasm)
	if err != nil {
		fmt.Fprintf(os.Stderr, "heartland build: %s: data segments left as they are: %v\n", path, err)
		return wasm, nil
	}
	return joined, nil
}
