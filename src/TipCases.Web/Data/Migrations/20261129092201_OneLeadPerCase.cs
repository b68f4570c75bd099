using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipCases.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneLeadPerCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_case_team_members_one_lead",
                table: "case_team_members");

            migrationBuilder.Sql("""
                ALTER TABLE case_team_members ADD CONSTRAINT ck_case_team_members_one_lead
                    EXCLUDE USING btree (case_id WITH =) WHERE (is_lead) DEFERRABLE INITIALLY DEFERRED;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE case_team_members DROP CONSTRAINT ck_case_team_members_one_lead;");

            migrationBuilder.CreateIndex(
                name: "ix_case_team_members_one_lead",
                table: "case_team_members",
                column: "case_id",
                unique: true,
                filter: "is_lead");
        }
    }
}
