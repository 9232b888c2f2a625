"""Importer rules for shapes the sweep of unseen UN documents found drafted as items
(benchmarks/sweep-unseen.md): a committee's draft resolution, a pointer to another document's
text, a session report's record of an agenda item named "Recommendations of …", a follow-up
report on another body's recommendations, a cover's or an annex's bold title. Each on a small
hand-written text (or a reportlab PDF) of the shape."""

from import_text import items_of, pages

RESOLUTION = pages(
    "Report of the Fourth Committee\n\n"
    "I. Introduction\n\n"
    "1. At its 2nd meeting, on 5 October, the Committee decided to consider the item together\n"
    "with the reports of the Special Committee on the question before it.\n\n"
    "II. Consideration of proposals\n\n"
    "2. The Committee adopted the draft resolution without a vote at its 10th meeting, after\n"
    "the statements of several delegations on the situation in the Territories.\n",
    "III. Recommendation of the Fourth Committee\n\n"
    "3. The Fourth Committee recommends to the General Assembly the adoption of the following\n"
    "draft resolution:\n\n"
    "                 Economic activities in the Territories\n\n"
    "     The General Assembly,\n\n"
    "     Recalling its resolution 1514 (XV) of 14 December 1960 and all its other resolutions\n"
    "on this subject,\n\n"
    "     Noting with concern the activities of foreign interests in the Territories,\n\n"
    "     1.   Reaffirms the inalienable right of the peoples of the Territories to the enjoyment\n"
    "of the natural resources of their Territories;\n\n"
    "     2.   Calls upon the administering Powers to take effective measures to safeguard the\n"
    "rights of the peoples of those Territories to their natural resources;\n\n"
    "     3.   Requests the Secretary-General to continue to inform world public opinion of\n"
    "those activities and to report thereon to the General Assembly at its next session;\n\n"
    "     4.   Decides to continue to follow the situation in the Territories so as to ensure\n"
    "that all economic activities there are aimed at strengthening their economies.\n")


def test_a_committees_draft_resolution_is_the_bodys_act_not_the_reports_recommendations(tmp_path):
    # Under "Recommendation of the Fourth Committee", "The General Assembly," then its
    # preambular clauses and its operative paragraphs, each on a verb in the third person.
    assert items_of(tmp_path, RESOLUTION) == []


def test_a_russian_draft_resolution_is_no_item(tmp_path):
    text = pages(
        "III. Рекомендации Комитета\n\n"
        "3. Комитет рекомендует Генеральной Ассамблее принять следующий проект резолюции:\n\n"
        "     Генеральная Ассамблея,\n\n"
        "     ссылаясь на свою резолюцию 1514 (XV) от 14 декабря 1960 года,\n\n"
        "     1.   вновь подтверждает неотъемлемое право народов территорий на пользование\n"
        "природными ресурсами своих территорий;\n\n"
        "     2.   просит Генерального секретаря продолжать информировать мировую\n"
        "общественность об этой деятельности и представить доклад Ассамблее;\n\n"
        "     3.   постановляет продолжать следить за положением в территориях, с тем чтобы\n"
        "вся экономическая деятельность там была направлена на укрепление их экономики.\n")
    assert items_of(tmp_path, text) == []


def test_the_body_named_as_the_subject_of_its_act_is_no_item(tmp_path):
    # A draft decision reads as paragraphs with the body as their subject.
    text = RESOLUTION.split("     The General Assembly,")[0].replace("resolution:", "decision:") + (
        "     1.   The General Assembly, having considered the chapter of the report of the Special\n"
        "Committee relating to military activities, reaffirms its strong conviction that bases\n"
        "in the Territories could constitute an obstacle to their self-determination;\n\n"
        "     2.   The General Assembly requests the Secretary-General to continue to inform world\n"
        "public opinion of those military activities and to report to it next year.\n")
    assert items_of(tmp_path, text) == []


def test_an_authors_own_recommendations_in_the_third_person_stay_items():
    # No body's enacting line: "the High Commissioner: (a) Calls for …" are the report's own,
    # and so are actions proposed to a body in the imperative ("Express concern …", "Reaffirming
    # …, welcome …"), with an enacting line or not.
    from indexer.importing.decisions import decides

    own = "Requests States and other stakeholders to provide political and financial support."
    assert not decides(own, 13, None) and decides(own, 13, 7)
    for proposed in ("Express concern that new infections are not declining fast enough;",
                     "Reaffirming the essential role of the Joint Programme, welcome the recommendation;",
                     "To request Member States to endorse the proposed timeline;",
                     "The Committee recommended that the General Assembly take note of the report."):
        assert not decides(proposed, 13, 7)


def test_a_pointer_to_another_documents_text_is_no_item(tmp_path):
    text = pages(
        "XIII. Recommendations\n"
        "176. The Special Committee recommends to the General Assembly the adoption of\n"
        "the following draft resolutions:\n\n\n"
        "Draft resolution I\n"
        "Information from Non-Self-Governing Territories transmitted under\n"
        "Article 73 e of the Charter of the United Nations\n\n"
        "The text of the draft resolution is available at A/AC.109/2025/L.3 .\n\n\n"
        "Draft resolution II\n"
        "Economic and other activities which affect the interests of the\n"
        "peoples of the Non-Self-Governing Territories\n\n"
        "The text of the draft resolution is available at A/AC.109/2025/L.6 .\n" + "".join(
            f"\n\nDraft resolution {n}\nQuestion of Territory {n}\n\n"
            f"The text of the draft resolution is available at A/AC.109/2025/L.{n}.\n" for n in range(7, 10)))
    assert items_of(tmp_path, text) == []


# A session report numbers its paragraphs through (RUNNING in sequence before the chapter).
SESSION = pages(
    "".join(f"                 {n}. The Commission held its meeting {n} in Vienna and heard the\n"
            f"                 statements of the delegations on the item before it.\n"
            for n in range(131, 143)),
    "Chapter VII\n"
    "                 Recommendations of the subsidiary bodies of the Commission\n\n"
    "                 143. At its 7th meeting, on 13 March 2025, the Commission considered agenda\n"
    "                 item 8, entitled “Recommendations of the subsidiary bodies of the Commission”.\n"
    "                 144. For its consideration of item 8, the Commission had before it the note by\n"
    "                 the Secretariat on action taken by the subsidiary bodies of the Commission.\n"
    "                 145. Statements were made by the representatives of Kenya, China and Colombia.\n\n"
    "                 Deliberations\n\n"
    "                 146. Several speakers expressed regret at the cancellation of the meetings of\n"
    "                 the subsidiary bodies, and stressed that Member States should fund them.\n"
    "                 147. Speakers recommended that the subsidiary bodies meet again next year\n"
    "                 and report to the Commission on regional cooperation.\n")


def test_an_agenda_items_record_named_after_recommendations_holds_none(tmp_path):
    # A session report tells each agenda item under its title; "At its 7th meeting, …, the
    # Commission considered agenda item 8" is the record of a meeting, not a list of items.
    assert items_of(tmp_path, SESSION) == []


def test_a_meetings_record_ends_the_section_of_items_above_it(tmp_path):
    text = pages(
        "Chapter I\n"
        "B. Recommendations of the Forum\n\n"
        "1. The Forum urges Member States to recognize the land rights of Indigenous Peoples\n"
        "in their national legislation and to report on progress at its next session.\n\n"
        "2. The Forum recommends that United Nations entities publish disaggregated data on\n"
        "Indigenous Peoples in all their reports on the Goals.\n\n"
        "Chapter II\n"
        "Discussion on the six mandated areas\n\n"
        "3. At its 2nd and 3rd meetings, on 21 and 22 April, the Forum considered agenda item 4.\n\n"
        "4. Participants recommended that States should increase funding for Indigenous\n"
        "organizations and consult them on every law that affects their lands.\n")
    found = [body[:20] for _, body in items_of(tmp_path, text)]
    assert found == ["The Forum urges Memb", "The Forum recommends"]


def test_a_follow_up_report_named_after_its_organisation_and_a_colon_quotes_another_bodys_items(tmp_path):
    # "UNDP: Report on the recommendations of the Board of Auditors": the Board's items, quoted.
    text = ("First regular session 2025\nItem 2 of the provisional agenda\n"
            "Recommendations of the Board of Auditors\n\n"
            "        UNDP: Report on the recommendations of the United Nations\n"
            "        Board of Auditors for 2023: Status of implementation\n\n"
            "I. Status of implementation\n\n"
            "Recommendations\n\n"
            "1. In paragraph 37, the Board recommended that UNDP put in place appropriate measures to\n"
            "address the issue of unbilled receivables in its country offices.\n\n"
            "2. In paragraph 44, the Board recommended that UNDP issue a procedure describing the\n"
            "standard process and controls for payroll reconciliation.\n")
    assert items_of(tmp_path, text) == []


def _pdf(path, page_one, page_two):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    flow = []
    for page in (page_one, page_two):
        for bold, text in page:
            flow.append(Paragraph(f"<b>{text}</b>" if bold else text, styles["BodyText"]))
        flow.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(flow[:-1])
    return path


PROSE = ("The delegation has the honour to request the inclusion in the agenda of the session of an "
         "item entitled as above, and an explanatory memorandum is annexed to the present letter, "
         "which sets out the reasons for the request in some detail for the members.")


def test_a_bold_title_on_the_cover_or_of_an_annex_is_no_recommendation(tmp_path):
    # Titles in bold that name a request or a proposal ("Request for the inclusion of an item
    # …", "Annex Resolution 2025/1 Request to strengthen …") end no sentence: headings, not items.
    from import_text import TAXONOMY

    from indexer.importing.importer import find_items
    from indexer.importing.reading import read_document

    path = _pdf(tmp_path / "letter.pdf",
                [(True, "Request for the inclusion of an item in the provisional agenda of the eightieth "
                        "session of the General Assembly"), (False, PROSE), (False, PROSE)],
                [(True, "Annex Resolution 2025/1 Request to strengthen the capacity of the Economic "
                        "Commission to fulfil its mandates and support its members"),
                 (False, PROSE), (False, PROSE)])
    items, _ = find_items(read_document(path), TAXONOMY)
    assert [item.body for item in items] == []


def test_numbered_paragraphs_wholly_in_bold_are_each_an_item(tmp_path):
    # The Expert Mechanism sets each recommendation in bold after its roman number: no bold
    # lead, so a paragraph whose last line happens to be long does not swallow the next ones.
    from import_text import TAXONOMY
    from reportgen_pdf import register_fonts
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from indexer.importing.importer import find_items
    from indexer.importing.reading import read_document

    register_fonts()
    styles = getSampleStyleSheet()
    styles["Normal"].fontName, styles["Heading1"].fontName = "DejaVuSans", "DejaVuSans-Bold"
    flow = [("Heading1", "I. Introduction")] + [
        ("Normal", f"{n}. The Expert Mechanism held its session {n} and heard the statements of the "
                   "delegations on the study before it.") for n in range(1, 12)]
    bodies = ["States should legally recognize and promote the traditional economies of Indigenous "
              "Peoples by adopting legal frameworks.",
              "States should adopt and strengthen legal frameworks that explicitly recognize and protect "
              "the rights of Indigenous Peoples to their lands, territories and resources, as well as "
              "their customary tenure and their own institutions of government of those lands and "
              "resources alike.",
              "States should support the continuity of traditional economies by formally recognizing "
              "customary land tenure.",
              "Economic policies should be co-designed with Indigenous Peoples and uphold their "
              "self-governance and institutions.",
              "United Nations bodies should ensure the integration of traditional economies into global "
              "frameworks."]
    flow += [("Heading1", "II. Recommendations")] + [
        ("Normal", f'{n}. <font name="DejaVuSans-Bold">{body}</font>') for n, body in enumerate(bodies, 12)]
    path = tmp_path / "study.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(text, styles[style]) for style, text in flow])
    items, _ = find_items(read_document(path), TAXONOMY)
    assert [(item.number, item.body) for item in items] == list(enumerate(bodies, 12))
