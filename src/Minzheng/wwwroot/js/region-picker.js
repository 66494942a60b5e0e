// Cascading region picker: each <div class="region-picker" data-name="…" data-root="…" data-value="…"> gets one
// <select> per level, filled from /api/v1/regions/{code}/children; the chosen code goes into a hidden input.
(function () {
    "use strict";

    // The significant prefix of a 12-digit code: 2, 4, 6, 9 or 12 digits.
    function prefix(code) {
        for (const end of [2, 4, 6, 9]) {
            if (/^0+$/.test(code.slice(end))) {
                return code.slice(0, end);
            }
        }
        return code;
    }

    async function children(code) {
        const response = await fetch("/api/v1/regions/" + encodeURIComponent(code) + "/children", { credentials: "same-origin" });
        return response.ok ? response.json() : [];
    }

    // The level of the children, for the accessible name of their <select> (GB/T 37668: every control named). Taken from
    // the children themselves: a city without counties (东莞市 4419) has townships directly under it.
    const levelNames = { province: "省", city: "市", county: "县（市、区）", township: "乡镇（街道）", village: "村（社区）" };

    function addSelect(picker, hidden, parentCode, items, selected) {
        if (items.length === 0) {
            return;
        }
        const select = document.createElement("select");
        select.className = "form-select form-select-sm d-inline-block w-auto me-1";
        select.setAttribute("aria-label", (picker.dataset.label || "区划") + "：" + (levelNames[items[0].level] || "下级区划"));
        select.dataset.parent = parentCode;
        select.innerHTML = '<option value="">（全部）</option>' +
            items.map(r => '<option value="' + r.code + '">' + r.name.replace(/</g, "&lt;") + "</option>").join("");
        if (selected) {
            select.value = selected;
        }
        select.addEventListener("change", async () => {
            while (select.nextElementSibling && select.nextElementSibling.tagName === "SELECT") {
                select.nextElementSibling.remove();
            }
            hidden.value = select.value || parentCode;
            hidden.dispatchEvent(new Event("change", { bubbles: true }));
            if (select.value) {
                addSelect(picker, hidden, select.value, await children(select.value));
            }
        });
        picker.appendChild(select);
    }

    async function init(picker) {
        const root = picker.dataset.root;
        const hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = picker.dataset.name;
        hidden.value = picker.dataset.value || root;
        picker.appendChild(hidden);
        // Pre-select the path from the root down to the current value.
        let parent = root;
        const target = hidden.value;
        for (;;) {
            const items = await children(parent);
            const next = target === parent ? undefined : items.find(r => target.startsWith(prefix(r.code)));
            addSelect(picker, hidden, parent, items, next ? next.code : "");
            if (!next || next.code === target) {
                break;
            }
            parent = next.code;
        }
    }

    document.addEventListener("DOMContentLoaded", () => document.querySelectorAll(".region-picker").forEach(init));
})();
