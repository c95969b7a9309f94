// pmlp Verilator harness: streams quantized test vectors through the design, one per cycle (a
// combinational design is evaluated once per vector, with no clock), writes the predicted
// classes and counts mismatches against the golden model.
// Usage: Vtop vectors.hex expected.txt predictions.txt
// Generated from rtl-templates/harness.cpp for a design with a @INPUT_BITS@-bit input port.
#include "Vtop.h"
#include "verilated.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

static const int kInputWords = @INPUT_WORDS@;
// Register stages between x and y (0: combinational, no clock port).
#define PMLP_STAGES @STAGES@

static bool parse_hex(const std::string& line, std::vector<uint32_t>& words) {
    words.assign(kInputWords, 0);
    int bit = 0;
    for (int i = static_cast<int>(line.size()) - 1; i >= 0; --i) {
        char c = line[i];
        int v;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else if (c == '\r' || c == ' ') continue;
        else return false;
        if (bit / 32 < kInputWords) words[bit / 32] |= static_cast<uint32_t>(v) << (bit % 32);
        bit += 4;
    }
    return true;
}

static void set_input(Vtop* top, const std::vector<uint32_t>& w) {
@SET_INPUT@
}

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s vectors.hex expected.txt predictions.txt\n", argv[0]);
        return 2;
    }
    Verilated::commandArgs(1, argv);
    std::ifstream vin(argv[1]);
    std::ifstream ein(argv[2]);
    if (!vin || !ein) {
        std::fprintf(stderr, "cannot open %s or %s\n", argv[1], argv[2]);
        return 2;
    }
    std::vector<std::vector<uint32_t>> vectors;
    std::string line;
    while (std::getline(vin, line)) {
        if (line.empty()) continue;
        std::vector<uint32_t> w;
        if (!parse_hex(line, w)) {
            std::fprintf(stderr, "%s:%zu: not a hex vector: %s\n", argv[1], vectors.size() + 1, line.c_str());
            return 2;
        }
        vectors.push_back(w);
    }
    std::vector<long> expected;
    long e;
    while (ein >> e) expected.push_back(e);
    if (expected.size() != vectors.size()) {
        std::fprintf(stderr, "%zu vectors but %zu expected classes\n", vectors.size(), expected.size());
        return 2;
    }

    Vtop* top = new Vtop;
    std::vector<long> predicted(vectors.size());
#if PMLP_STAGES == 0
    for (size_t k = 0; k < vectors.size(); ++k) {
        set_input(top, vectors[k]);
        top->eval();
        predicted[k] = static_cast<long>(top->y);
    }
#else
    top->clk = 0;
    top->eval();
    // At rising edge k the first register stage takes vector k; after edge k the output holds
    // the answer for vector k - (stages - 1).
    const size_t lag = PMLP_STAGES - 1;
    for (size_t k = 0; k < vectors.size() + lag; ++k) {
        set_input(top, vectors[k < vectors.size() ? k : vectors.size() - 1]);
        top->clk = 0;
        top->eval();
        top->clk = 1;
        top->eval();
        if (k >= lag) predicted[k - lag] = static_cast<long>(top->y);
    }
#endif
    top->final();
    delete top;

    std::FILE* out = std::fopen(argv[3], "w");
    if (!out) {
        std::fprintf(stderr, "cannot write %s\n", argv[3]);
        return 2;
    }
    long mismatches = 0;
    for (size_t i = 0; i < predicted.size(); ++i) {
        std::fprintf(out, "%ld\n", predicted[i]);
        if (predicted[i] != expected[i]) mismatches++;
    }
    std::fclose(out);
    std::printf("vectors %zu mismatches %ld\n", predicted.size(), mismatches);
    return mismatches == 0 ? 0 : 1;
}
