package vn.bordergate.workstation.kiosk;

import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.workstation.text.Wording;

/**
 * An on-screen keyboard for plates: digits, capital letters, the separators Vietnamese plates use,
 * and a picker of the Chinese provinces' characters (a Chinese plate starts with one, e.g. 桂A·12345),
 * which no kiosk keyboard could otherwise type. Every key is a large touch target.
 */
final class PlateKeyboard {
    private static final String[] ROWS = {"1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};
    private static final int MAX = 16;

    private final StringProperty target;
    private final StackPane root = new StackPane();
    private final VBox keys = new VBox(10);
    private final FlowPane provinces = new FlowPane(10, 10);

    PlateKeyboard(StringProperty target, Wording words) {
        this.target = target;
        for (String row : ROWS) {
            HBox line = new HBox(10);
            line.setAlignment(Pos.CENTER);
            for (char c : row.toCharArray()) {
                line.getChildren().add(key(String.valueOf(c)));
            }
            if (row.startsWith("Z")) {
                line.getChildren().addAll(key("-"), key("."));
            }
            keys.getChildren().add(line);
        }
        Button province = wide(words.text("kiosk.keyboard.province"), "key-province");
        province.setOnAction(e -> showProvinces(true));
        Button delete = wide("⌫", "key-delete");
        delete.setOnAction(e -> {
            String now = target.get();
            target.set(now.isEmpty() ? now : now.substring(0, now.offsetByCodePoints(now.length(), -1)));
        });
        Button clear = wide(words.text("kiosk.keyboard.clear"), "key-clear");
        clear.setOnAction(e -> target.set(""));
        HBox last = new HBox(10, province, delete, clear);
        last.setAlignment(Pos.CENTER);
        keys.getChildren().add(last);
        keys.setAlignment(Pos.CENTER);

        provinces.setAlignment(Pos.CENTER);
        provinces.setPrefWrapLength(1100);
        PlateParser.CN_PROVINCES.codePoints().forEach(cp -> {
            String p = new String(Character.toChars(cp));
            Button b = new Button(p);
            b.setId("province-" + p);
            b.getStyleClass().addAll("kiosk-key", "kiosk-key-province");
            b.setOnAction(e -> {
                setProvince(p);
                showProvinces(false);
            });
            provinces.getChildren().add(b);
        });
        Button cancel = wide(words.text("kiosk.back"), "province-cancel");
        cancel.setOnAction(e -> showProvinces(false));
        provinces.getChildren().add(cancel);
        showProvinces(false);
        root.getChildren().addAll(keys, provinces);
    }

    Node root() {
        return root;
    }

    private void showProvinces(boolean show) {
        provinces.setVisible(show);
        keys.setVisible(!show);
    }

    /** A Chinese plate has one province character, first: a second tap replaces it. */
    private void setProvince(String province) {
        String now = target.get();
        boolean hasOne =
                !now.isEmpty() && Character.UnicodeScript.of(now.codePointAt(0)) == Character.UnicodeScript.HAN;
        target.set(province + (hasOne ? now.substring(Character.charCount(now.codePointAt(0))) : now));
    }

    private Button key(String text) {
        Button b = new Button(text);
        b.setId("key-" + text);
        b.getStyleClass().add("kiosk-key");
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            if (target.get().length() < MAX) {
                target.set(target.get() + text);
            }
        });
        return b;
    }

    private static Button wide(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().addAll("kiosk-key", "kiosk-key-wide");
        b.setFocusTraversable(false);
        return b;
    }
}
