#include "render/markdown_text.hpp"

#include <md4c.h>

#include <algorithm>
#include <optional>

#include "render/text_columns.hpp"

namespace gatelab::cli {

namespace {

// Builds the lines of a Markdown document from md4c's callbacks. Spans (emphasis, code, links)
// collect their text on a stack and are painted when they close; blocks flush their text as
// lines with the indent of the lists and quotes they sit in.
class Renderer {
 public:
  explicit Renderer(const Paint& paint) : paint_(paint) {}

  std::vector<TraceLine> take() {
    while (!out_.empty() && out_.back().text.empty()) out_.pop_back();
    return std::move(out_);
  }

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_UL:
        lists_.push_back({0, false});
        break;
      case MD_BLOCK_OL:
        lists_.push_back({static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start), true});
        break;
      case MD_BLOCK_LI:
        flush();
        item_start_ = true;
        break;
      case MD_BLOCK_QUOTE:
        ++quotes_;
        break;
      case MD_BLOCK_H:
        heading_ = true;
        break;
      case MD_BLOCK_CODE:
        code_ = true;
        break;
      case MD_BLOCK_TABLE:
        table_ = Table{};
        break;
      case MD_BLOCK_TR:
        table_->rows.emplace_back();
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        table_->rows.back().emplace_back();
        break;
      case MD_BLOCK_HR:
        emit(paint_(style::dim, std::string(40, '-')));
        break;
      default:
        break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        flush();
        lists_.pop_back();
        if (lists_.empty()) blank();
        break;
      case MD_BLOCK_LI:
        flush();
        if (!lists_.empty() && lists_.back().ordered) ++lists_.back().next;
        break;
      case MD_BLOCK_QUOTE:
        flush();
        --quotes_;
        blank();
        break;
      case MD_BLOCK_H:
        spans_.front() = paint_(style::heading, spans_.front());
        flush();
        heading_ = false;
        blank();
        break;
      case MD_BLOCK_CODE:
        flush();
        code_ = false;
        blank();
        break;
      case MD_BLOCK_TABLE:
        emit_table();
        table_.reset();
        blank();
        break;
      case MD_BLOCK_P:
      case MD_BLOCK_HTML:
        flush();
        if (lists_.empty()) blank();
        break;
      default:
        break;
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE, void*) {
    spans_.emplace_back();
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void* detail) {
    std::string text = std::move(spans_.back());
    spans_.pop_back();
    const Paint& paint = table_ ? plain_ : paint_;  // a table's cells stay plain, to align
    switch (type) {
      case MD_SPAN_STRONG:
        text = paint(style::heading, text);
        break;
      case MD_SPAN_EM:
        text = paint(fmt::emphasis::italic, text);
        break;
      case MD_SPAN_CODE:
        text = paint(style::name, text);
        break;
      case MD_SPAN_A: {
        const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
        const std::string target(href.text, href.size);
        if (!target.empty() && target != text) text += paint(style::dim, " (" + target + ")");
        break;
      }
      default:
        break;
    }
    append(text);
    return 0;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size) {
    switch (type) {
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        append("\n");
        break;  // the author's line breaks are kept
      case MD_TEXT_NULLCHAR:
        append("\xEF\xBF\xBD");
        break;
      default:
        append(std::string(data, size));
    }
    return 0;
  }

 private:
  struct List {
    int next;  // the next item's number, for an ordered list
    bool ordered;
  };
  struct Table {
    std::vector<Cells> rows;
  };

  void append(const std::string& s) {
    if (table_ && !table_->rows.empty() && !table_->rows.back().empty() && spans_.size() == 1)
      table_->rows.back().back() += s;
    else
      spans_.back() += s;
  }

  // The indent of the current block: lists and quotes it sits in.
  std::string indent(bool first_line) const {
    std::string s(quotes_ ? 2 : 0, ' ');
    for (int q = 0; q < quotes_; ++q) s += paint_(style::dim, "│ ");
    for (std::size_t i = 0; i < lists_.size(); ++i) {
      const bool innermost = i + 1 == lists_.size();
      if (innermost && first_line)
        s += lists_[i].ordered ? std::to_string(lists_[i].next) + ". " : "  • ";
      else
        s += lists_[i].ordered ? std::string(std::to_string(lists_[i].next).size() + 2, ' ') : "    ";
    }
    return s;
  }

  // Emits the text gathered so far as lines.
  void flush() {
    std::string& text = spans_.front();
    if (text.empty()) return;
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto end = text.find('\n', start);
      const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!(code_ && end == std::string::npos && line.empty())) {
        const bool first = item_start_;
        item_start_ = false;
        emit(indent(first) + (code_ ? "    " + paint_(style::dim, line) : line));
      }
      if (end == std::string::npos) break;
      start = end + 1;
    }
    text.clear();
  }

  void emit(std::string line) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out_.push_back({0, std::move(line)});
  }

  void blank() {
    if (!out_.empty() && !out_.back().text.empty()) out_.push_back({0, ""});
  }

  void emit_table() {
    const auto aligned = align_columns(table_->rows);
    for (std::size_t i = 0; i < aligned.size(); ++i) {
      emit(indent(false) + (i == 0 ? paint_(style::heading, join_cells(aligned[i])) : join_cells(aligned[i])));
      if (i == 0) {  // a rule under the header, as wide as each column's widest cell
        Cells rule(aligned[0].size());
        for (const Cells& row : aligned)
          for (std::size_t c = 0; c < row.size() && c < rule.size(); ++c)
            rule[c].resize(std::max(rule[c].size(), width(row[c])), '-');
        emit(indent(false) + paint_(style::dim, join_cells(rule)));
      }
    }
  }

  const Paint& paint_;
  const Paint plain_;
  std::vector<TraceLine> out_;
  std::vector<std::string> spans_{std::string{}};  // the block's text, then one per open span
  std::vector<List> lists_;
  int quotes_ = 0;
  bool heading_ = false, code_ = false, item_start_ = false;
  std::optional<Table> table_;
};

}  // namespace

std::vector<TraceLine> markdown_lines(const std::string& markdown, const Paint& paint) {
  Renderer r(paint);
  MD_PARSER parser{};
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Renderer*>(u)->enter_block(t, d); };
  parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Renderer*>(u)->leave_block(t, d); };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Renderer*>(u)->enter_span(t, d); };
  parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Renderer*>(u)->leave_span(t, d); };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
    return static_cast<Renderer*>(u)->text(t, s, n);
  };
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &r);
  return r.take();
}

}  // namespace gatelab::cli
