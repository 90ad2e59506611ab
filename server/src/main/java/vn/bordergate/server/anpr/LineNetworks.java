package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;

/**
 * Line networks that read the same line image (same input size and alphabet; other seeds or other training mixes,
 * such as the line and the row network), read together as a product of experts: a text's log-likelihood
 * is the mean of the networks' {@link LineCtc#logLikelihood} (a geometric mean of their probabilities, so the votes'
 * weights and thresholds, tuned for one network, keep their scale). Per-step posteriors are not averaged: each
 * training places CTC's character spikes at its own steps. Each network's best path is a candidate read; the one the
 * networks together find likeliest is the read ({@link Reading#best}).
 */
final class LineNetworks {
    private final List<LineCtc> networks;

    private LineNetworks(List<LineCtc> networks) {
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("no line network");
        }
        String alphabet = networks.get(0).alphabet();
        if (networks.stream().anyMatch(n -> !n.alphabet().equals(alphabet))) {
            throw new IllegalArgumentException("line networks read different alphabets");
        }
        this.networks = List.copyOf(networks);
    }

    static LineNetworks of(LineCtc... networks) {
        return new LineNetworks(List.of(networks));
    }

    /** Each input read by every network (one forward pass per network). */
    List<Reading> read(List<float[]> inputs) {
        List<List<double[][]>> byNetwork = new ArrayList<>();
        for (LineCtc network : networks) {
            byNetwork.add(network.logProbabilities(inputs));
        }
        List<Reading> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            List<double[][]> lps = new ArrayList<>();
            for (List<double[][]> lp : byNetwork) {
                lps.add(lp.get(i));
            }
            out.add(new Reading(networks, lps));
        }
        return out;
    }

    /** One line as every network read it. */
    static final class Reading {
        private final List<LineCtc> networks;
        private final List<double[][]> logProbabilities;

        private Reading(List<LineCtc> networks, List<double[][]> logProbabilities) {
            this.networks = networks;
            this.logProbabilities = logProbabilities;
        }

        /** One network's log-probabilities of one line. */
        static Reading of(LineCtc network, double[][] logProbabilities) {
            return new Reading(List.of(network), java.util.Collections.singletonList(logProbabilities));
        }

        /** Several networks' log-probabilities of one line, in the networks' order. */
        static Reading of(List<LineCtc> networks, List<double[][]> logProbabilities) {
            if (networks.size() != logProbabilities.size() || networks.isEmpty()) {
                throw new IllegalArgumentException(
                        networks.size() + " line networks but " + logProbabilities.size() + " readings");
            }
            return new Reading(List.copyOf(networks), List.copyOf(logProbabilities));
        }

        /** The mean over the networks of log P(text | line); negative infinity when one network rules it out. */
        double logLikelihood(String text) {
            double sum = 0;
            for (int k = 0; k < networks.size(); k++) {
                sum += networks.get(k).logLikelihood(logProbabilities.get(k), text);
            }
            return sum / networks.size();
        }

        /** Of the networks' best-path reads, the one likeliest to them together (the first network's on a tie). */
        String best() {
            String best = networks.get(0).greedy(logProbabilities.get(0));
            if (networks.size() == 1) {
                return best;
            }
            double bestLog = logLikelihood(best);
            for (int k = 1; k < networks.size(); k++) {
                String own = networks.get(k).greedy(logProbabilities.get(k));
                if (!own.equals(best)) {
                    double log = logLikelihood(own);
                    if (log > bestLog) {
                        best = own;
                        bestLog = log;
                    }
                }
            }
            return best;
        }
    }
}
