package io.pgrecord.models;

/** An enum without {@code @PgEnum}: its type is {@code order_status}, its labels are the constant names. */
public enum OrderStatus {
    NEW, PAID, SHIPPED
}
