// Household picker: <div class="household-picker" data-pick-url="…"> with a search box, a hidden input [data-picked]
// and a .picker-results list. Typing a name lists the caller's households (masked ID numbers); a click picks one.
(function () {
    "use strict";

    function escape(text) {
        return String(text).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
    }

    function attach(picker) {
        const box = picker.querySelector("input[type=search]");
        const hidden = picker.querySelector("input[data-picked]");
        const results = picker.querySelector(".picker-results");
        let timer = 0;
        let asked = "";

        function close() {
            results.innerHTML = "";
        }

        async function search() {
            const term = box.value.trim();
            if (term.length === 0 || term === asked) {
                return;
            }
            asked = term;
            const response = await fetch(picker.dataset.pickUrl + "?term=" + encodeURIComponent(term), { credentials: "same-origin" });
            const items = response.ok ? await response.json() : [];
            if (box.value.trim() !== term) {
                return;
            }
            results.innerHTML = items.length === 0
                ? '<div class="list-group-item small text-muted">没有找到，请核对姓名或先登记该家庭</div>'
                : items.map(h => '<button type="button" class="list-group-item list-group-item-action small" role="option" data-id="' + h.id + '" data-label="'
                    + escape(h.headName + "（" + h.headIdNumberMasked + "，" + h.regionName + "）") + '">' + escape(h.headName) + " 户 · "
                    + escape(h.headIdNumberMasked) + " · " + escape(h.regionName) + " · " + h.memberCount + " 人 · " + escape(h.address) + "</button>").join("");
        }

        box.addEventListener("input", () => {
            hidden.value = "";
            asked = "";
            clearTimeout(timer);
            timer = setTimeout(search, 250);
        });
        results.addEventListener("click", e => {
            const item = e.target.closest("[data-id]");
            if (item) {
                hidden.value = item.dataset.id;
                box.value = item.dataset.label;
                close();
            }
        });
        document.addEventListener("click", e => {
            if (!picker.contains(e.target)) {
                close();
            }
        });
    }

    document.querySelectorAll(".household-picker").forEach(attach);
})();
