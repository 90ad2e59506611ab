package vn.bordergate.workstation.station;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.look.Theme;
import vn.bordergate.workstation.text.Wording;

/** How each queue column draws a crossing: plates big, eight coloured squares for the steps, pills for states. */
final class QueueCells {
    private QueueCells() {}

    /** A cell drawing the whole crossing with {@code draw}; empty rows stay empty. */
    static TableCell<CrossingDto, CrossingDto> of(Function<CrossingDto, Node> draw) {
        return new TableCell<>() {
            @Override
            protected void updateItem(CrossingDto crossing, boolean empty) {
                super.updateItem(crossing, empty);
                setText(null);
                setGraphic(empty || crossing == null ? null : draw.apply(crossing));
            }
        };
    }

    static Node plate(CrossingDto c) {
        Label tractor = new Label(c.tractorPlate());
        tractor.getStyleClass().add("plate");
        if (c.trailerPlate() == null || c.trailerPlate().isBlank()) {
            return tractor;
        }
        Label trailer = new Label(c.trailerPlate());
        trailer.getStyleClass().add("plate-trailer");
        VBox both = new VBox(0, tractor, trailer);
        both.setAlignment(Pos.CENTER_LEFT);
        return both;
    }

    static Node enterprise(CrossingDto c, Wording words) {
        Label name = new Label(c.enterpriseName());
        name.setMinWidth(0);
        if (!c.perishable() && !c.priority()) {
            return name;
        }
        HBox tags = new HBox(4);
        if (c.perishable()) {
            tags.getChildren().add(tag(words.text("queue.tag.perishable"), "tag-perishable"));
        }
        if (c.priority() && !c.perishable()) {
            tags.getChildren().add(tag(words.text("queue.tag.priority"), "tag-priority"));
        }
        VBox box = new VBox(2, name, tags);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label tag(String text, String style) {
        Label tag = new Label(text);
        tag.getStyleClass().addAll("tag", style);
        return tag;
    }

    /** Eight small squares, one per step, coloured by state; the officer's own steps outlined. */
    static Node progress(CrossingDto c, Agency mine, Wording words) {
        Map<Step, StepState> states = QueueFilter.states(c);
        HBox squares = new HBox(2);
        squares.setAlignment(Pos.CENTER_LEFT);
        StringBuilder tip = new StringBuilder();
        for (Step step : Step.values()) {
            StepState state = states.get(step);
            Rectangle square = new Rectangle(11, 18);
            square.getStyleClass().addAll("step-dot", Theme.stateClass(state));
            if (step.agency() == mine && mine != null) {
                square.getStyleClass().add("own-step");
            }
            squares.getChildren().add(square);
            tip.append(step.number())
                    .append(". ")
                    .append(words.step(step))
                    .append(" — ")
                    .append(words.state(state))
                    .append('\n');
        }
        Tooltip.install(squares, new Tooltip(tip.toString().strip()));
        return squares;
    }

    static int passedCount(CrossingDto c) {
        return (int) c.steps().stream().filter(s -> s.state().isDone()).count();
    }

    /** The officer's own step as a pill ("4 · Pending"), or nothing for crossings without one. */
    static Node myStep(CrossingDto c, Agency mine, Wording words) {
        Step step = myStepOf(c, mine);
        if (step == null) {
            return null;
        }
        StepState state = QueueFilter.states(c).get(step);
        return pill(step.number() + " · " + words.state(state), Theme.stateClass(state));
    }

    static Step myStepOf(CrossingDto c, Agency mine) {
        Step actionable = QueueFilter.actionableStep(c, mine);
        if (actionable != null || mine == null) {
            return actionable;
        }
        Map<Step, StepState> states = QueueFilter.states(c);
        Step last = null;
        for (Step step : Step.values()) {
            if (step.agency() == mine && states.get(step) != StepState.SKIPPED) {
                last = step;
            }
        }
        return last;
    }

    static Node status(CrossingDto c, Wording words) {
        return pill(words.status(c.status()), Theme.statusClass(c.status()));
    }

    private static Label pill(String text, String style) {
        Label pill = new Label(text);
        pill.getStyleClass().addAll("pill", style);
        return pill;
    }

    /** How long since arrival, or when it is due for vehicles still on the road. */
    static String waiting(CrossingDto c, Wording words, Instant now) {
        if (c.arrivedAt() != null && c.status().isOpen()) {
            return words.waited(Duration.between(c.arrivedAt(), now));
        }
        if (c.arrivedAt() == null && c.expectedArrival() != null && c.status().isOpen()) {
            return words.text("queue.expected", words.time(c.expectedArrival()));
        }
        return c.releasedAt() != null ? words.time(c.releasedAt()) : "";
    }

    /** Held rows tinted amber, turned-back rows red, so trouble shows without reading. */
    static TableRow<CrossingDto> row(TableView<CrossingDto> table) {
        return new TableRow<>() {
            @Override
            protected void updateItem(CrossingDto crossing, boolean empty) {
                super.updateItem(crossing, empty);
                getStyleClass().removeAll("row-held", "row-turned-back");
                if (!empty && crossing != null) {
                    if (crossing.status() == CrossingStatus.HELD) {
                        getStyleClass().add("row-held");
                    } else if (crossing.status() == CrossingStatus.TURNED_BACK) {
                        getStyleClass().add("row-turned-back");
                    }
                }
            }
        };
    }
}
