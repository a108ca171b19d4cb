package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.backstory.accounts.HandleSkeleton;

/**
 * Each member's handle skeleton ({@link HandleSkeleton}), unique, so that no new handle can look like a taken one. A
 * Java migration because the skeletons come from ICU's confusables data, which SQL cannot compute. Where two existing
 * handles already look alike, the older member keeps the skeleton and the newer one's stays empty: their handle stays,
 * and it is still guarded, as the older one's skeleton is the same.
 */
public class V16_1__Handle_skeletons extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table member add column handle_skeleton text");
        }
        Set<String> taken = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("select id, handle from member order by id");
                PreparedStatement update = connection.prepareStatement("update member set handle_skeleton = ? where id = ?");
                ResultSet members = select.executeQuery()) {
            while (members.next()) {
                String skeleton = HandleSkeleton.of(members.getString(2));
                if (taken.add(skeleton)) {
                    update.setString(1, skeleton);
                    update.setLong(2, members.getLong(1));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("create unique index member_handle_skeleton_uq on member (handle_skeleton)");
        }
    }
}
